package fx.ck;

import jakarta.persistence.*;

@Entity
@Table(name = "order_lines")
public class OrderLine {
  @EmbeddedId LineKey key;
  @MapsId("orderId") @ManyToOne @JoinColumn(name = "order_id") Order order;
  int quantity;
}
