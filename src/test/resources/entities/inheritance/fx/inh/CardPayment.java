package fx.inh;

import jakarta.persistence.*;

@Entity
@Table(name = "card_payment")
public class CardPayment extends Payment {
  @Column(name = "card_no") String cardNo;
}
