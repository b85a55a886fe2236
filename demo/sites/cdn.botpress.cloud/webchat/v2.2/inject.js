/*
 * Stand-in for Botpress Webchat's inject.js, served by the local demo server of AI Jurisdiction
 * Guard in place of https://cdn.botpress.cloud/webchat/v2.2/inject.js. It only draws a chat
 * bubble and a panel on the page; it makes no request and sends nothing anywhere.
 */
(function () {
  'use strict';
  var config = { botName: 'Assistant', color: '#3276ea' };
  var panel, bubble;

  function el(tag, style, text) {
    var e = document.createElement(tag);
    e.setAttribute('style', style);
    if (text) e.textContent = text;
    return e;
  }

  function render() {
    if (bubble) return;
    bubble = el('button', 'position:fixed;right:24px;bottom:24px;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;font-size:26px;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;background:' + config.color, '💬');
    bubble.setAttribute('aria-label', 'Open chat');
    bubble.id = 'bp-demo-bubble';
    panel = el('div', 'position:fixed;right:24px;bottom:92px;width:320px;border-radius:14px;background:#fff;box-shadow:0 8px 28px rgba(0,0,0,.22);font:14px/1.45 system-ui,sans-serif;color:#222;overflow:hidden;display:none;z-index:2147483000');
    panel.id = 'bp-demo-panel';
    var head = el('div', 'padding:12px 14px;color:#fff;font-weight:600;background:' + config.color, config.botName);
    var body = el('div', 'padding:14px', 'Hi! I am a stand-in for the Botpress chat widget in this demo. The real widget would send what you type to Botpress (United States).');
    panel.append(head, body);
    bubble.addEventListener('click', function () {
      panel.style.display = panel.style.display === 'none' ? 'block' : 'none';
    });
    document.body.append(panel, bubble);
  }

  window.botpress = {
    init: function (options) {
      var c = (options && options.configuration) || {};
      if (c.botName) config.botName = String(c.botName);
      if (/^#[0-9a-f]{3,8}$/i.test(c.color || '')) config.color = c.color;
      if (document.body) render();
      else document.addEventListener('DOMContentLoaded', render);
    },
    open: function () { render(); panel.style.display = 'block'; },
    close: function () { if (panel) panel.style.display = 'none'; },
    on: function () {},
  };
})();
