package fx;

import jakarta.persistence.*;

@Entity
public class CardPayment extends Payment {
  @Column(name = "card_number", length = 19) String cardNumber;
}
