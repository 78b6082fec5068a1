package fx.od;

import jakarta.persistence.*;

@Entity
@Table(name = "teams")
public class Team {
  @Id Long id;
}
