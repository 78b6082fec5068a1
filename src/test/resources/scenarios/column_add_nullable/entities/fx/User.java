package fx;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  @Column(nullable = false) String email;
  @Column(name = "last_seen") Instant lastSeen;
  @Column(precision = 12, scale = 4) BigDecimal balance;
  @Column(name = "external_id") UUID externalId;
}
