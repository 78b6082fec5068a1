package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "placeholder")
public class Placeholder {
  @Id Long id;
}
