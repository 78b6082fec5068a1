package fx;

import jakarta.persistence.*;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "task")
public class Task {
  @Id Long id;
  @ColumnDefault("'open'") @Column(length = 20) String state;
  @ColumnDefault("3") Integer priority;
  @ColumnDefault("current_timestamp") Instant created;
}
