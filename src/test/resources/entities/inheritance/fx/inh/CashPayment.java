package fx.inh;

import jakarta.persistence.*;

@Entity
@Table(name = "cash_payment")
public class CashPayment extends Payment {
  String currency;
}
