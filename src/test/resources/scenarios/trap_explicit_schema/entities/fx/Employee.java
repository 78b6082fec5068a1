package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "employee", schema = "hr", indexes = @Index(name = "ix_employee_name", columnList = "name"))
public class Employee {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "department_id", foreignKey = @ForeignKey(name = "fk_employee_department")) Department department;
  String name;
}
