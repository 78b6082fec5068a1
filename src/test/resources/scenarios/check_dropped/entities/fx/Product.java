package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;

@Entity
@Table(name = "product")
public class Product {
  @Id Long id;
  @Column(precision = 10, scale = 2) BigDecimal price;
}
