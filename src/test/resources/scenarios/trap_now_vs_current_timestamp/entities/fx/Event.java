package fx;

import jakarta.persistence.*;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Event {
  @Id Long id;
  @ColumnDefault("now()") Instant created;
}
