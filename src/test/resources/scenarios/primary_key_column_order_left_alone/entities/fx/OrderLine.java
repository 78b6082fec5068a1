package fx;

import jakarta.persistence.*;
import java.io.Serializable;

@Entity
@Table(name = "order_line")
@IdClass(OrderLine.Key.class)
public class OrderLine {
  public static class Key implements Serializable {
    Long orderId;
    Integer lineNo;
  }

  @Id
  @Column(name = "order_id")
  Long orderId;

  @Id
  @Column(name = "line_no")
  Integer lineNo;

  Integer quantity;

  /** New in the entity: the one change to plan. */
  String note;
}
