package fx;

import jakarta.persistence.*;
import org.hibernate.annotations.Check;

@Entity
@Check(name = "ck_task_id", constraints = "id > 0")
public class Task {
  public enum State { OPEN, DONE }
  public enum Priority { LOW, MID, HIGH }

  @Id Long id;
  @Enumerated(EnumType.STRING) State state;
  @Enumerated(EnumType.ORDINAL) Priority priority;
}
