package fx.bad;

import jakarta.persistence.*;

/** "order" is reserved; without quoting, Hibernate's DDL is invalid on PostgreSQL. */
@Entity
@Table(name = "order")
public class Order {
  @Id Long id;
}
