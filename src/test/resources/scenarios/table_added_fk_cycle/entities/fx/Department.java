package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "department")
public class Department {
  @Id Long id;
  @ManyToOne @JoinColumn(name = "manager_id", foreignKey = @ForeignKey(name = "fk_department_manager")) Employee manager;
}
