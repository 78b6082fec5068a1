package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Price {
  @Id Long id;
  @ColumnDefault("0") @Column(precision = 10, scale = 2) BigDecimal amount;
  @ColumnDefault("1") Integer qty;
  @ColumnDefault("1.5") Double ratio;
}
