package fx.dc;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "settings", comment = "Per-tenant settings")
public class Setting {
  @Id Long id;
  @ColumnDefault("'draft'") @Column(length = 20, comment = "Lifecycle state; it's 'draft' first") String state;
  @ColumnDefault("now()") Instant created;
  @ColumnDefault("CURRENT_TIMESTAMP") Instant touched;
  @ColumnDefault("0") int attempts;
  @ColumnDefault("1.5") @Column(precision = 5, scale = 2) BigDecimal factor;
  @ColumnDefault("true") boolean enabled;
  @Comment("Free text") String note;
}
