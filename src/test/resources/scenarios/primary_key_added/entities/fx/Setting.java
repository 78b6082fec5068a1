package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "setting")
public class Setting {
  @Id Long id;
  String name;
}
