package fx.inh;

import jakarta.persistence.*;
import java.math.BigDecimal;

@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Payment {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
  BigDecimal total;
}
