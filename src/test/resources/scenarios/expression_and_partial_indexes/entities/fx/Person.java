package fx;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(indexes = @Index(name = "ix_person_live", columnList = "email", options = "where deleted_at is null"))
public class Person {
  @Id Long id;
  String email;
  @Column(name = "deleted_at") Instant deletedAt;
}
