<#-- Retort's override: unique constraints and indexes with their names, sorted by name; the
     table's comment and check constraints, which Hibernate Tools does not read, from
     RetortStrategy's meta attributes; never a catalog. -->
<#if pojo.isComponent()>
@${pojo.importType("jakarta.persistence.Embeddable")}
<#else>
<#assign table = clazz.table>
<#assign uniqueKeys = []>
<#list table.getUniqueKeys().values()?sequence?sort_by("name") as key>
<#if !(table.hasPrimaryKey() && table.getPrimaryKey().getColumns().equals(key.getColumns()))>
<#assign uniqueKeys = uniqueKeys + [key]>
</#if>
</#list>
<#assign indexes = table.getIndexes().values()?sequence?sort_by("name")>
@${pojo.importType("jakarta.persistence.Entity")}
@${pojo.importType("jakarta.persistence.Table")}(
    name = "${table.name}"<#if table.schema?exists>,
    schema = "${table.schema}"</#if><#if uniqueKeys?has_content>,
    uniqueConstraints = {<#list uniqueKeys as key>
        @${pojo.importType("jakarta.persistence.UniqueConstraint")}(name = "${key.name}", columnNames = {<#list key.getColumns() as column>"${column.name}"<#sep>, </#sep></#list>})<#sep>,</#sep></#list>
    }</#if><#if indexes?has_content>,
    indexes = {<#list indexes as index>
        @${pojo.importType("jakarta.persistence.Index")}(name = "${index.name}", columnList = "<#list index.getColumns() as column>${column.name}<#sep>, </#sep></#list>")<#sep>,</#sep></#list>
    }</#if><#if clazz.getMetaAttribute("retort-table-comment")??>,
    comment = "${clazz.getMetaAttribute("retort-table-comment").getValue()?j_string}"</#if><#if clazz.getMetaAttribute("retort-check")??>,
    check = {<#list clazz.getMetaAttribute("retort-check").getValues() as check>
        @${pojo.importType("jakarta.persistence.CheckConstraint")}(name = "${check?keep_before("|")?j_string}", constraint = "${check?keep_after("|")?j_string}")<#sep>,</#sep></#list>
    }</#if>)
</#if>
