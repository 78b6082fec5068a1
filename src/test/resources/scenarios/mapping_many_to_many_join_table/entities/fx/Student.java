package fx;

import jakarta.persistence.*;
import java.util.Set;

@Entity
@Table(name = "student")
public class Student {
  @Id Long id;
  String name;
  @ManyToMany
  @JoinTable(name = "student_course",
      joinColumns = @JoinColumn(name = "student_id", foreignKey = @ForeignKey(name = "fk_student_course_student")),
      inverseJoinColumns = @JoinColumn(name = "course_id", foreignKey = @ForeignKey(name = "fk_student_course_course")))
  Set<Course> courses;
}
