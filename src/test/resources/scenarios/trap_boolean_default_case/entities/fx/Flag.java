package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "flag")
public class Flag {
  @Id Long id;
  @ColumnDefault("true") @Column(nullable = false) boolean enabled;
  @ColumnDefault("false") Boolean hidden;
}
