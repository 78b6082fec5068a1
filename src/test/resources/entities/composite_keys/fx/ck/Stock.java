package fx.ck;

import jakarta.persistence.*;

@Entity
@IdClass(StockKey.class)
public class Stock {
  @Id @Column(length = 32) String sku;
  @Id @Column(length = 16) String warehouse;
  int quantity;
}
