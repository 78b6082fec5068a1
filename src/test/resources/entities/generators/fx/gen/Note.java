package fx.gen;

import jakarta.persistence.*;

@Entity
@Table(name = "notes")
public class Note {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;
  @Version java.time.Instant updated;
}
