package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
public class Account {
  @Id Long id;
  String name;
  boolean active;
  Integer visits;
  Double ratio;
  Instant created;
  Short small;
  @Column(length = 3, columnDefinition = "char(3)") String code;
  @Column(precision = 10, scale = 2) BigDecimal amount;
}
