package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "event")
public class Event {
  @Id Long id;
  String name;
}
