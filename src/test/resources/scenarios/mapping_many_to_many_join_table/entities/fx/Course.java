package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "course")
public class Course {
  @Id Long id;
  String title;
}
