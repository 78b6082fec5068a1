package fx;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "task")
public class Task {
  @Id Long id;
  @Column(length = 20) String state;
  Instant created;
}
