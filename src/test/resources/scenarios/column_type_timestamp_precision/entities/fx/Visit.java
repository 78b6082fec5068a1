package fx;

import jakarta.persistence.*;
import java.time.LocalDateTime;

@Entity
@Table(name = "visit")
public class Visit {
  @Id Long id;
  @Column(name = "seen_at") LocalDateTime seenAt;
  @Column(name = "left_at", secondPrecision = 3) LocalDateTime leftAt;
}
