package fx;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "legacy_audit")
public class LegacyAudit {
  @Id Long id;
  @Column(nullable = false) String what;
  Instant at;
  String addedByTheEntityOnly;
}
