<#-- Retort's override: unique constraints, indexes (those JPA can declare), check constraints and
     the comment, by name, from RetortStrategy's meta attributes (Hibernate Tools reads no checks
     or comments, and makes any index of an expression a column); never a catalog. -->
<#if pojo.isComponent()>
@${pojo.importType("jakarta.persistence.Embeddable")}
<#else>
<#assign table = clazz.table>
<#assign uniqueKeys = (clazz.getMetaAttribute("retort-unique").getValues())![]>
<#assign indexes = (clazz.getMetaAttribute("retort-index").getValues())![]>
@${pojo.importType("jakarta.persistence.Entity")}
@${pojo.importType("jakarta.persistence.Table")}(
    name = "${table.name}"<#if table.schema?exists>,
    schema = "${table.schema}"</#if><#if uniqueKeys?has_content>,
    uniqueConstraints = {<#list uniqueKeys as key>
        @${pojo.importType("jakarta.persistence.UniqueConstraint")}(name = "${key?keep_before("|")}", columnNames = {<#list key?keep_after_last("|")?split(", ") as column>"${column}"<#sep>, </#sep></#list>})<#sep>,</#sep></#list>
    }</#if><#if indexes?has_content>,
    indexes = {<#list indexes as index>
        @${pojo.importType("jakarta.persistence.Index")}(name = "${index?keep_before("|")}", columnList = "${index?keep_after_last("|")}"<#if index?keep_after("|")?keep_before("|") == "true">, unique = true</#if>)<#sep>,</#sep></#list>
    }</#if><#if clazz.getMetaAttribute("retort-table-comment")??>,
    comment = "${clazz.getMetaAttribute("retort-table-comment").getValue()?j_string}"</#if><#if clazz.getMetaAttribute("retort-check")??>,
    check = {<#list clazz.getMetaAttribute("retort-check").getValues() as check>
        @${pojo.importType("jakarta.persistence.CheckConstraint")}(name = "${check?keep_before("|")?j_string}", constraint = "${check?keep_after("|")?j_string}")<#sep>,</#sep></#list>
    }</#if>)
</#if>
