package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "a_new", comment = "Fresh table")
public class ANew {
  @Id Long id;
}
