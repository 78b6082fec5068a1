package fx.chk;

import jakarta.persistence.*;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "products", check = @CheckConstraint(name = "ck_products_price", constraint = "price >= 0 AND price < 1000000"))
@Check(name = "ck_products_name", constraints = "length(name) > 0")
public class Product {
  @Id Long id;
  String name;
  @Column(precision = 10, scale = 2) BigDecimal price;
  @Column(check = @CheckConstraint(name = "ck_products_stock", constraint = "stock BETWEEN 0 AND 10000")) int stock;
  @Check(constraints = "discount IN (0, 5, 10)") Integer discount;
}
