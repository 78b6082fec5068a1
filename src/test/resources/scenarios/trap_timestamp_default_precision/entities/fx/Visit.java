package fx;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDateTime;

/** Hibernate writes timestamp(6); without a precision PostgreSQL keeps microseconds too. */
@Entity
@Table(name = "visit")
public class Visit {
  @Id Long id;
  @Column(name = "seen_at") LocalDateTime seenAt;
  @Column(name = "seen_tz") Instant seenTz;
}
