package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;

@Entity
@Table(name = "invoice")
public class Invoice {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  @Column(precision = 10, scale = 2) BigDecimal total;
}
