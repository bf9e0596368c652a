-- Typst reads "..." in markup as an ellipsis, and pandoc's Typst writer leaves the dots
-- as they are (it escapes quotes and "--"). A run of dots in the text becomes escaped
-- dots in the Typst source, so the PDF shows them as written.
function Str(el)
  if not el.text:find("...", 1, true) then
    return nil
  end
  local out = pandoc.List()
  local rest = el.text
  while true do
    local first, last = rest:find("%.%.%.+")
    if not first then
      break
    end
    if first > 1 then
      out:insert(pandoc.Str(rest:sub(1, first - 1)))
    end
    out:insert(pandoc.RawInline("typst", string.rep("\\.", last - first + 1)))
    rest = rest:sub(last + 1)
  end
  if #rest > 0 then
    out:insert(pandoc.Str(rest))
  end
  return out
end
