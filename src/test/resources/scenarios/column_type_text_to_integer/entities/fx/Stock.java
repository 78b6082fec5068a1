package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "stock")
public class Stock {
  @Id Long id;
  Integer quantity;
}
