package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "note")
public class Note {
  @Id Long id;
  @Column(columnDefinition = "text") String body;
}
