package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;

@Entity
@Table(name = "price")
public class Price {
  @Id Long id;
  @Column(precision = 14, scale = 2) BigDecimal amount;
  @Column(precision = 6, scale = 2) BigDecimal rate;
}
