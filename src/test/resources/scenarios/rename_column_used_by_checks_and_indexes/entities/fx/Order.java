package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "orders", indexes = @Index(name = "ix_orders_open", columnList = "total", options = "where archived is false"))
@Check(name = "orders_amount_check", constraints = "total >= 0")
public class Order {
  public enum State { OPEN, DONE }

  @Id Long id;
  @Column(nullable = false, precision = 10, scale = 2) BigDecimal total;
  @Enumerated(EnumType.STRING) State status;
  Boolean archived;
}
