package fx.col;

import jakarta.persistence.*;

@Embeddable
public class Phone {
  @Column(length = 20) String number;
  String kind;
}
