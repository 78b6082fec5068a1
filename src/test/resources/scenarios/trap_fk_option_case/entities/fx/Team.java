package fx;

import jakarta.persistence.*;

@Entity
public class Team {
  @Id Long id;
}
