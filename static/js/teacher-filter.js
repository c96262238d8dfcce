// A search box above the groep's teacher checkboxes: typing hides the names that do not match.
// Without JavaScript the full list stays usable.
(function () {
    "use strict";
    function setUp(list) {
        var wrapper = document.createElement("div");
        var label = document.createElement("label");
        var input = document.createElement("input");
        var id = (list.id || "teachers") + "-filter";
        label.setAttribute("for", id);
        var first = list.querySelector("input[data-filter-label]");
        label.textContent = first ? first.getAttribute("data-filter-label") : "";
        input.type = "search";
        input.id = id;
        input.autocomplete = "off";
        wrapper.className = "teacher-filter";
        wrapper.appendChild(label);
        wrapper.appendChild(input);
        list.parentNode.insertBefore(wrapper, list);
        input.addEventListener("input", function () {
            var needle = input.value.trim().toLowerCase();
            list.querySelectorAll("label").forEach(function (option) {
                if (!option.querySelector("input")) { return; }  // a group's heading
                var item = option.closest("div") || option;
                item.hidden = needle !== "" && option.textContent.toLowerCase().indexOf(needle) === -1;
            });
        });
    }
    function init() { document.querySelectorAll("div.teacher-checkboxes").forEach(setUp); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
