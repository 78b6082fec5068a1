package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "task")
public class Task {
  @Id Long id;
  @ColumnDefault("'open'") @Column(length = 20) String state;
  @ColumnDefault("5") Integer priority;
}
