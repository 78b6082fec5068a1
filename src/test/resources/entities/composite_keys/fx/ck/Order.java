package fx.ck;

import jakarta.persistence.*;

@Entity
@Table(name = "orders")
public class Order {
  @Id Long id;
}
