package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "team")
public class Team {
  @Id Long id;
}
