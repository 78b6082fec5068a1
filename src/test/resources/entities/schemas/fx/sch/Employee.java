package fx.sch;

import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "employees", schema = "hr", indexes = @Index(name = "ix_employees_dept", columnList = "department_id"))
public class Employee {
  public enum Grade { JUNIOR, SENIOR }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "emp")
  @SequenceGenerator(name = "emp", schema = "hr", sequenceName = "employee_seq", allocationSize = 10)
  Long id;
  @ManyToOne @JoinColumn(name = "department_id") Department department;
  @JdbcTypeCode(SqlTypes.NAMED_ENUM) Grade grade;
}
