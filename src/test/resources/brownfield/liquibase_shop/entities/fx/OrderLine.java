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

  public enum Priority { LOW, HIGH }

  @Id
  @Column(name = "order_id")
  Long orderId;

  @Id
  @Column(name = "line_no")
  Integer lineNo;

  Integer quantity;

  @Enumerated(EnumType.ORDINAL)
  Priority priority;
}
