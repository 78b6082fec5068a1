package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "b_changed", comment = "New words, it's better")
public class BChanged {
  @Id Long id;
}
