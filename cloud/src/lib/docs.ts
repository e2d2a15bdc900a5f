// A self-contained API docs page (no CDN): renders the OpenAPI document as a list of operations. Its one
// script and one style carry the response's CSP nonce; nothing else may run on the page.
export function docsPage( specUrl: string, nonce: string ): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>IGNY8 API</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style nonce="${ nonce }">
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1e1e1e;background:#f6f7f7}
header{background:#1e1e1e;color:#fff;padding:16px 32px}main{max-width:1000px;margin:0 auto;padding:24px}
h2{margin-top:32px;text-transform:capitalize}
details{background:#fff;border:1px solid #ddd;border-radius:4px;margin:6px 0}
summary{cursor:pointer;padding:8px 12px;display:flex;gap:12px;align-items:center}
.m{font:600 12px monospace;padding:2px 8px;border-radius:3px;color:#fff;min-width:52px;text-align:center}
.get{background:#2271b1}.post{background:#008a20}.patch,.put{background:#996800}.delete{background:#d63638}
code{font-size:13px}pre{background:#f0f0f1;padding:12px;overflow:auto;margin:0 12px 12px;font-size:12px}
.roles{color:#50575e;font-size:12px;margin-left:auto}header a{color:#72aee6}
</style></head><body><header><strong>IGNY8 API</strong> · <a href="${ specUrl }">openapi.json</a></header>
<main id="root">Loading…</main>
<script nonce="${ nonce }">
fetch(${ JSON.stringify( specUrl ) }).then(r=>r.json()).then(doc=>{
  const root=document.getElementById('root');root.textContent='';
  const p=document.createElement('p');p.textContent=doc.info.description;root.append(p);
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths))for(const [method,op] of Object.entries(ops)){
    (byTag[(op.tags||['other'])[0]]??=[]).push({path,method,op});}
  for(const [tag,ops] of Object.entries(byTag)){
    const h=document.createElement('h2');h.textContent=tag;root.append(h);
    for(const {path,method,op} of ops){
      const d=document.createElement('details');const s=document.createElement('summary');
      const m=document.createElement('span');m.className='m '+method;m.textContent=method.toUpperCase();
      const c=document.createElement('code');c.textContent=path;
      const t=document.createElement('span');t.textContent=op.summary||'';
      const a=op['x-igny8-access']||{};const r=document.createElement('span');r.className='roles';
      r.textContent=a.rule==='public'?'public':(a.roles||[]).join(', ');
      s.append(m,c,t,r);d.append(s);
      const pre=document.createElement('pre');
      pre.textContent=JSON.stringify(
        {parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
      d.append(pre);root.append(d);
    }
  }
});
</script></body></html>`;
}
