package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "employee")
public class Employee {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "department_id", foreignKey = @ForeignKey(name = "fk_employee_department")) Department department;
  @ManyToOne @JoinColumn(name = "mentor_id", foreignKey = @ForeignKey(name = "fk_employee_mentor")) Employee mentor;
}
