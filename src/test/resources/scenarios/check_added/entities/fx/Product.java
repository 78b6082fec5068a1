package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "product")
@Check(name = "ck_product_price", constraints = "price > 0")
public class Product {
  @Id Long id;
  @Column(precision = 10, scale = 2) BigDecimal price;
  @Check(name = "ck_product_stock", constraints = "stock >= 0") Integer stock;
}
