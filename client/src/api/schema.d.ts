/* 由 scripts/gen-api.mjs 从 openapi/openapi.json 生成，请勿手改；运行 npm run gen:api 更新。 */
export interface paths {
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 应聘用工信息
         * @description 附带求职意向（地区、工种）与经验的快照；已招满或重复申请会被拒绝。
         */
        post: operations["applications_api_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 更新应聘状态
         * @description 新申请 → 已联系 → 已录用 / 未录用；录用人数达到招聘人数时岗位自动标记为已招满。
         */
        post: operations["applications_api_set_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/wage-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 反馈工资不符（仅已录用）
         * @description 同时生成一条「工资不符」投诉，由平台客服处理。
         */
        post: operations["applications_api_wage_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{application_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回申请 */
        post: operations["applications_api_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/for-post/{post_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 岗位的应聘者（仅发布者） */
        get: operations["applications_api_applicants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的应聘记录 */
        get: operations["applications_api_my_applications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录（令牌立即失效） */
        post: operations["accounts_api_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sms-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 获取短信验证码 */
        post: operations["accounts_api_request_sms_code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sms-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 手机号 + 验证码登录（H5） */
        post: operations["accounts_api_sms_sign_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/wechat-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 微信小程序登录 */
        post: operations["accounts_api_wechat_sign_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/boards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 板块定义（名称、发布者、排序、筛选）
         * @description 带 ETag；请求头 If-None-Match 与当前版本一致时返回 304。
         */
        get: operations["listings_api_boards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 发起投诉
         * @description 可投诉用户（需与对方有过会话、对接或应聘往来）、信息或自己参与的对接记录。
         */
        post: operations["support_api_file_complaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/complaints/{complaint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投诉详情（仅投诉人） */
        get: operations["support_api_complaint_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/complaints/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的投诉 */
        get: operations["support_api_my_complaints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 板块列表（筛选与排序） */
        get: operations["discovery_api_board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/factories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工厂名录（含信任指标） */
        get: operations["discovery_api_discovery_factories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/discovery/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 记录浏览（详情页展示后调用；同一浏览者每天计一次） */
        post: operations["discovery_api_record_view"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/factories/{factory_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工厂详情（含当前用户的收藏；只读，浏览由 POST /api/discovery/views 记录） */
        get: operations["factories_api_factory_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/factories/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的工厂入驻信息 */
        get: operations["factories_api_my_factory"];
        /** 填写或修改工厂入驻信息 */
        put: operations["factories_api_save_my_factory"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/favourites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的收藏 */
        get: operations["discovery_api_my_favourites"];
        put?: never;
        /** 收藏 */
        post: operations["discovery_api_add_favourite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/favourites/{favourite_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 取消收藏 */
        delete: operations["discovery_api_remove_favourite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交意见反馈 */
        post: operations["support_api_submit_feedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feedback/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的意见反馈（含客服回复） */
        get: operations["support_api_my_feedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 读取文件
         * @description 公开文件任何人可读；私有文件需登录（Bearer）或使用接口返回的带签名链接。
         */
        get: operations["uploads_api_read_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{file_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 读取缩略图 */
        get: operations["uploads_api_read_thumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 首页：各板块数量、公告、推荐 */
        get: operations["discovery_api_home"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我同意过的版本、需要重新同意的文件 */
        get: operations["legal_api_my_consents"];
        put?: never;
        /** 同意协议与政策（记录版本） */
        post: operations["legal_api_consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 现行的协议与政策（版本、生效日期） */
        get: operations["legal_api_list_documents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/legal/documents/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 协议或政策全文（默认现行版本） */
        get: operations["legal_api_get_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/form-schema/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发布表单结构（分步） */
        get: operations["listings_api_form_schema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的发布 */
        get: operations["listings_api_my_posts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/mine/{post_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的发布：详情与表单值 */
        get: operations["listings_api_my_post"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/mine/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的发布：各状态数量 */
        get: operations["listings_api_my_post_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建草稿 */
        post: operations["listings_api_create_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts/{post_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 信息详情（含当前用户的收藏、报名状态；只读，浏览由 POST /api/discovery/views 记录） */
        get: operations["listings_api_post_detail"];
        /** 编辑（已发布的信息修改后需重新审核，审核通过前仍展示原内容） */
        put: operations["listings_api_update_post"];
        post?: never;
        /** 删除草稿 */
        delete: operations["listings_api_delete_post"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts/{post_id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申诉驳回（每条一次） */
        post: operations["listings_api_appeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts/{post_id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 刷新（延长有效期） */
        post: operations["listings_api_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts/{post_id}/relist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新上架 */
        post: operations["listings_api_relist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts/{post_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交审核 */
        post: operations["listings_api_submit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/posts/{post_id}/take-down": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 下架 */
        post: operations["listings_api_take_down"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matching/for-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 适合我的需求 / 岗位 */
        get: operations["matching_api_matches_for_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/matching/posts/{post_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我发布的信息的匹配结果 */
        get: operations["matching_api_matches_of_my_post"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前账号 */
        get: operations["accounts_api_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改昵称、头像 */
        patch: operations["accounts_api_update_me"];
        trace?: never;
    };
    "/api/me/account-type": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 选择账号类型（注册时一次） */
        post: operations["accounts_api_choose_account_type"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 注销账号（不可恢复） */
        post: operations["accounts_api_cancel_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请导出我的个人数据（后台生成 ZIP 压缩包） */
        post: operations["accounts_api_request_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export/{export_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据导出的进度 */
        get: operations["accounts_api_export_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export/{export_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载导出的个人数据（ZIP：数据、文件、说明） */
        get: operations["accounts_api_export_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的浏览记录 */
        get: operations["discovery_api_my_history"];
        put?: never;
        post?: never;
        /** 清空浏览记录 */
        delete: operations["discovery_api_clear_history"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/job-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的求职意向 */
        get: operations["matching_api_my_job_preference"];
        /** 填写求职意向 */
        put: operations["matching_api_save_job_preference"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/phone/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 绑定手机号：短信验证码（H5） */
        post: operations["accounts_api_bind_phone_sms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/phone/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 绑定手机号：微信手机号快速验证（小程序） */
        post: operations["accounts_api_bind_phone_wechat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/privacy-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 同意隐私政策 */
        post: operations["accounts_api_privacy_consent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/publish-permission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我能否发布信息，及原因 */
        get: operations["verification_api_publish_permission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 屏蔽用户 */
        post: operations["messaging_api_block"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/blocks/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 解除屏蔽 */
        delete: operations["messaging_api_unblock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的对接记录 */
        get: operations["messaging_api_connections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/connections/{connection_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更新对接进度 */
        post: operations["messaging_api_connection_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 联系对方（信息或工厂）
         * @description 打开与对方的会话并记录对接；重复联系同一对象返回同一会话与对接记录。
         */
        post: operations["messaging_api_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会话列表 */
        get: operations["messaging_api_conversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会话详情 */
        get: operations["messaging_api_conversation_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/conversations/{conversation_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 聊天记录（从新到旧分页） */
        get: operations["messaging_api_messages"];
        put?: never;
        /** 发送消息（文字或附件） */
        post: operations["messaging_api_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/conversations/{conversation_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记会话已读 */
        post: operations["messaging_api_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/conversations/{conversation_id}/share-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 向对方分享我的手机号 */
        post: operations["messaging_api_share_phone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读消息总数 */
        get: operations["messaging_api_unread_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/precheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交前检查违禁词 */
        post: operations["moderation_api_precheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知（最新在前） */
        get: operations["notifications_api_list_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记已读（不传 ids 则全部已读） */
        post: operations["notifications_api_mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 可订阅的微信消息
         * @description 模板 ID 供 wx.requestSubscribeMessage 使用；remaining 为剩余可发送次数。
         */
        get: operations["notifications_api_subscriptions"];
        put?: never;
        /**
         * 记录用户同意的订阅消息
         * @description 用户在 wx.requestSubscribeMessage 中点「允许」后调用；每次允许可发送一条。
         */
        post: operations["notifications_api_record_subscriptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读通知数 */
        get: operations["notifications_api_unread_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qualifications/{qualification_id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申诉驳回（每份资质一次，由其他审核员复审） */
        post: operations["verification_api_appeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qualifications/{qualification_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过（审核员） */
        post: operations["verification_api_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qualifications/{qualification_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 驳回（审核员） */
        post: operations["verification_api_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qualifications/licence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交营业执照认证 */
        post: operations["verification_api_submit_licence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qualifications/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的认证记录（最新在前） */
        get: operations["verification_api_my_qualifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qualifications/personal-id": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交实名认证（临时工人） */
        post: operations["verification_api_submit_personal_id"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下级地区（不传 parent 时为全部省份）
         * @description 用于省市区级联选择；每一级最多几十项，不分页。
         */
        get: operations["regions_api_list_regions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{adcode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 地区详情（含省→市→区路径） */
        get: operations["regions_api_region_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 关键词搜索（全部板块与工厂） */
        get: operations["search_api_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxonomy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 标签体系（行业、品类、属性标签、工种、工艺）
         * @description 带 ETag；请求头 If-None-Match 与当前版本一致时返回 304。运营后台的任何改动都会立即改变版本。
         */
        get: operations["taxonomy_api_get_taxonomy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我上传的文件 */
        get: operations["uploads_api_my_files"];
        put?: never;
        /**
         * 上传文件（图片/视频/图纸）
         * @description 文件类型按内容识别；图片会重新编码并去除 EXIF（含 GPS）。
         */
        post: operations["uploads_api_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AcceptedIn */
        AcceptedIn: {
            kind: components["schemas"]["DocumentKind"];
            /** Version */
            version: string;
        };
        /** AccountTypeIn */
        AccountTypeIn: {
            /**
             * Account Type
             * @description trade 外贸公司 / factory 工厂 / worker 临时工人
             */
            account_type: string;
            /**
             * Display Name
             * @description 临时工人：昵称
             */
            display_name?: string | null;
            /**
             * Organisation Name
             * @description 外贸公司、工厂：企业名称（认证通过后显示营业执照上的名称）
             */
            organisation_name?: string | null;
        };
        /** AnnouncementOut */
        AnnouncementOut: {
            /** Body */
            body: string;
            /** Ends At */
            ends_at: string | null;
            /** Id */
            id: number;
            /** Link */
            link: string;
            /** Pinned */
            pinned: boolean;
            /** Starts At */
            starts_at: string | null;
            /** Title */
            title: string;
        };
        /** AppealIn */
        AppealIn: {
            /**
             * Note
             * @description 申诉理由（5–500 字）
             */
            note: string;
        };
        /**
         * ApplicantOut
         * @description An applicant as the post's owner sees them.
         */
        ApplicantOut: {
            /** Applicant Name */
            applicant_name: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /**
             * Phone
             * @description 手机号（打码）；请通过站内会话联系
             */
            phone?: string | null;
            /**
             * Snapshot
             * @description 申请时的资料：name, region, job_types, experience_years, note…
             */
            snapshot: {
                [key: string]: unknown;
            };
            /** Status */
            status: string;
            /** Status Label */
            status_label: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Worker Id */
            worker_id: number;
        };
        /** ApplyIn */
        ApplyIn: {
            /**
             * Experience Years
             * @description 相关工作经验（年）
             */
            experience_years?: number | null;
            /**
             * Note
             * @description 给工厂的留言（可选）
             * @default
             */
            note: string;
            /**
             * Post Id
             * @description 用工信息 id
             */
            post_id: number;
        };
        /** AttributeGroupOut */
        AttributeGroupOut: {
            /** Code */
            code: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
            /** Tags */
            tags: components["schemas"]["AttributeTagOut"][];
        };
        /** AttributeOut */
        AttributeOut: {
            /** Code */
            code: string;
            /** Group */
            group: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** AttributeTagOut */
        AttributeTagOut: {
            /**
             * Code
             * @description 稳定代码，如 urgent_orders
             */
            code: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** BlockIn */
        BlockIn: {
            /** User Id */
            user_id: number;
        };
        /** BlockOut */
        BlockOut: {
            /** Blocked User Id */
            blocked_user_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * BoardFilters
         * @description The shared filter vocabulary of every board; a filter a board has no data for simply matches
         *     nothing, so clients can send the same parameters everywhere.
         */
        BoardFilters: {
            /**
             * Capacity Min
             * @description 日产能下限
             */
            capacity_min?: number | string | null;
            /**
             * Category
             * @description 二级品类 id
             */
            category?: number | null;
            /**
             * Certification
             * @description 认证代码，如 CE、FDA
             */
            certification?: string | null;
            /** Currency */
            currency?: ("CNY" | "USD" | "EUR") | null;
            /**
             * Delivery After
             * @description 交期不早于
             */
            delivery_after?: string | null;
            /**
             * Delivery Before
             * @description 交期不晚于
             */
            delivery_before?: string | null;
            /**
             * Grade
             * @description 库存货品等级
             */
            grade?: ("A" | "B" | "C") | null;
            /**
             * Housing
             * @description 包住
             */
            housing?: boolean | null;
            /**
             * Include Full
             * @description 用工：包含已招满的岗位
             * @default false
             */
            include_full: boolean;
            /**
             * Industry
             * @description 一级行业 id
             */
            industry?: number | null;
            /**
             * Job Type
             * @description 工种 id，可多个
             */
            job_type?: number[];
            /**
             * Meals
             * @description 包吃
             */
            meals?: boolean | null;
            /**
             * Owner
             * @description 只看某位发布者的信息（用户 id）
             */
            owner?: number | null;
            /**
             * Period From
             * @description 用工期与此区间有重叠：开始
             */
            period_from?: string | null;
            /**
             * Period To
             * @description 用工期与此区间有重叠：结束
             */
            period_to?: string | null;
            /**
             * Price Max
             * @description 单价上限
             */
            price_max?: number | string | null;
            /**
             * Price Min
             * @description 单价下限
             */
            price_min?: number | string | null;
            /**
             * Process Type
             * @description 加工工艺 id，可多个（任一）
             */
            process_type?: number[];
            /**
             * Q
             * @description 关键词（在本板块内搜索）
             */
            q?: string | null;
            /**
             * Quantity Max
             * @description 数量上限
             */
            quantity_max?: number | string | null;
            /**
             * Quantity Min
             * @description 数量下限
             */
            quantity_min?: number | string | null;
            /**
             * Region
             * @description 省 / 市 / 区县行政区划代码，含下辖地区
             */
            region?: string | null;
            /** Sample Required */
            sample_required?: boolean | null;
            /**
             * Wage Max
             * @description 折合日薪上限（元/天）
             */
            wage_max?: number | string | null;
            /**
             * Wage Min
             * @description 折合日薪下限（元/天）
             */
            wage_min?: number | string | null;
            /** @description 工资单位：hour 时薪 / day 日薪 / piece 计件 / month 月薪 */
            wage_unit?: components["schemas"]["WageUnit"] | null;
        };
        /** BoardOrder */
        BoardOrder: {
            /**
             * Lat
             * @description 当前位置纬度（按距离排序时必填）
             */
            lat?: number | null;
            /**
             * Lng
             * @description 当前位置经度
             */
            lng?: number | null;
            /**
             * Sort
             * @description 排序键：该板块在 GET /api/boards 中列出的 sorts（如 newest、nearest）
             * @default newest
             */
            sort: string;
            /**
             * Within Km
             * @description 只看该距离以内
             */
            within_km?: number | null;
        };
        /**
         * BoardOut
         * @description One board's definition (from the board registry).
         */
        BoardOut: {
            /** Accepts Applications */
            accepts_applications: boolean;
            /**
             * Available
             * @description false：板块暂停服务（如用工板块缺少有效的人力资源服务许可证）
             */
            available: boolean;
            /** Board Name */
            board_name: string;
            /** Filters */
            filters: components["schemas"]["FilterOut"][];
            /**
             * Group
             * @description 同组的板块在首页合为一个入口、在板块页为标签页（如 processing 代加工）
             */
            group: string;
            /** Group Label */
            group_label: string;
            /** Hint */
            hint: string;
            /** Icon */
            icon: string;
            /** Kind */
            kind: string;
            /** Label */
            label: string;
            /** @description 用工板块展示的平台人力资源服务许可证 */
            licence?: components["schemas"]["LicenceOut"] | null;
            /** Notice */
            notice: string;
            /** On Home */
            on_home: boolean;
            /** Publisher Account Type */
            publisher_account_type: string;
            /**
             * Recommended To
             * @description 首页优先向这些账号类型展示本板块（worker 的首页以其为主，issue #15）
             */
            recommended_to: string[];
            /** Short Name */
            short_name: string;
            /** Sorts */
            sorts: components["schemas"]["SortOut"][];
            /**
             * Unavailable Message
             * @description 暂停服务时向用户展示的说明
             */
            unavailable_message: string;
        };
        /** CancelIn */
        CancelIn: {
            /**
             * Confirmation
             * @description 输入“确认注销”
             */
            confirmation: string;
        };
        /** CategoryOut */
        CategoryOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** ChildrenFilter */
        ChildrenFilter: {
            /** Parent */
            parent?: string | null;
        };
        /** ComplaintIn */
        ComplaintIn: {
            /**
             * Category
             * @description fake_info 虚假信息 / fees_charged 收取费用 / wage_mismatch 工资不符 / harassment 骚扰 / fraud 诈骗 / other 其他
             * @enum {string}
             */
            category: "fake_info" | "fees_charged" | "wage_mismatch" | "harassment" | "fraud" | "other";
            /**
             * Description
             * @description 投诉内容（至少 5 个字）
             */
            description: string;
            /**
             * Evidence Ids
             * @description 证据：先以 purpose=complaint_evidence 上传，最多 9 个
             */
            evidence_ids?: string[];
            /**
             * Target Id
             * @description 对象 id（用户 id / 信息 id / 对接记录 id）
             */
            target_id: number;
            /**
             * Target Type
             * @description 投诉对象：user 用户 / post 信息 / connection 对接记录
             * @enum {string}
             */
            target_type: "user" | "post" | "connection";
        };
        /** ComplaintOut */
        ComplaintOut: {
            /** Category */
            category: string;
            /** Category Label */
            category_label: string;
            /** Connection Id */
            connection_id: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Evidence */
            evidence: components["schemas"]["StoredFileOut"][];
            /** Id */
            id: number;
            /**
             * Outcome
             * @description 处理结果（已处理时）：no_action 不处理 / warning 警告 / post_removed 下架信息 / account_restricted 限制发布 / account_disabled 禁用账号
             */
            outcome: string;
            /** Outcome Label */
            outcome_label: string;
            /**
             * Outcome Note
             * @description 处理说明或不予受理的原因
             */
            outcome_note: string;
            post: components["schemas"]["PostBriefOut"] | null;
            /** Resolved At */
            resolved_at: string | null;
            /**
             * Status
             * @description submitted 已提交 / processing 处理中 / resolved 已处理 / dismissed 不予受理
             */
            status: string;
            /** Status Label */
            status_label: string;
            /** Target Type */
            target_type: string;
            target_user: components["schemas"]["TargetUserOut"];
        };
        /** ConnectionBriefOut */
        ConnectionBriefOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            factory: components["schemas"]["SubjectFactoryOut"] | null;
            /** Id */
            id: number;
            /** Initiator Id */
            initiator_id: number;
            post: components["schemas"]["SubjectPostOut"] | null;
            /** Status */
            status: string;
            /** Status Label */
            status_label: string;
        };
        /** ConnectionOut */
        ConnectionOut: {
            /** Conversation Id */
            conversation_id: number;
            counterpart: components["schemas"]["UserBriefOut"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deal At */
            deal_at: string | null;
            factory: components["schemas"]["SubjectFactoryOut"] | null;
            /** First Reply At */
            first_reply_at: string | null;
            /** Id */
            id: number;
            post: components["schemas"]["SubjectPostOut"] | null;
            /**
             * Role
             * @description initiated 我发起的 / received 我收到的
             */
            role: string;
            /**
             * Status
             * @description contacted 已联系 / replied 已回复 / negotiating 洽谈中 / deal 已成交 / no_deal 未成交
             */
            status: string;
            /** Status Changed At */
            status_changed_at: string | null;
            /** Status Label */
            status_label: string;
        };
        /** ConnectionQuery */
        ConnectionQuery: {
            /**
             * Role
             * @description initiated 我发起的 / received 我收到的
             * @default all
             * @enum {string}
             */
            role: "initiated" | "received" | "all";
            status?: components["schemas"]["ConnectionStatus"] | null;
        };
        /**
         * ConnectionStatus
         * @enum {string}
         */
        ConnectionStatus: "contacted" | "replied" | "negotiating" | "deal" | "no_deal";
        /** ConnectionStatusIn */
        ConnectionStatusIn: {
            /**
             * Status
             * @description negotiating 洽谈中 / deal 已成交 / no_deal 未成交
             */
            status: string;
        };
        /** ConsentIn */
        ConsentIn: {
            /** Documents */
            documents: components["schemas"]["AcceptedIn"][];
        };
        /** ConsentStateOut */
        ConsentStateOut: {
            /** Documents */
            documents: components["schemas"]["DocumentStatusOut"][];
            /**
             * Outstanding
             * @description 需要（重新）同意的文件；为空时无需再询问
             */
            outstanding: components["schemas"]["DocumentSummaryOut"][];
        };
        /** ContactIn */
        ContactIn: {
            /**
             * Factory Id
             * @description 联系的工厂 id（与 post_id 二选一）
             */
            factory_id?: number | null;
            /**
             * Message
             * @description 可选：同时发出的第一条消息
             * @default
             */
            message: string;
            /**
             * Post Id
             * @description 联系的信息 id（与 factory_id 二选一）
             */
            post_id?: number | null;
        };
        /** ContactOut */
        ContactOut: {
            /** Connection Id */
            connection_id: number;
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created
             * @description 是否新建了对接记录（重复联系同一对象时为 false）
             */
            created: boolean;
        };
        /** ConversationDetailOut */
        ConversationDetailOut: {
            /** Connections */
            connections: components["schemas"]["ConnectionBriefOut"][];
            counterpart: components["schemas"]["CounterpartOut"];
            /**
             * Counterpart Last Read At
             * @description 对方最近已读时间（此前的消息对方已读）
             */
            counterpart_last_read_at?: string | null;
            /** Counterpart Shared Phone */
            counterpart_shared_phone: boolean;
            /**
             * I Blocked
             * @description 我是否已屏蔽对方
             */
            i_blocked: boolean;
            /** I Shared Phone */
            i_shared_phone: boolean;
            /** Id */
            id: number;
            last_message: components["schemas"]["LastMessageOut"] | null;
            /** Last Message At */
            last_message_at: string | null;
            /** Last Read At */
            last_read_at: string | null;
            /** Unread */
            unread: number;
        };
        /** ConversationOut */
        ConversationOut: {
            counterpart: components["schemas"]["CounterpartOut"];
            /**
             * Counterpart Last Read At
             * @description 对方最近已读时间（此前的消息对方已读）
             */
            counterpart_last_read_at?: string | null;
            /** Counterpart Shared Phone */
            counterpart_shared_phone: boolean;
            /**
             * I Blocked
             * @description 我是否已屏蔽对方
             */
            i_blocked: boolean;
            /** I Shared Phone */
            i_shared_phone: boolean;
            /** Id */
            id: number;
            last_message: components["schemas"]["LastMessageOut"] | null;
            /** Last Message At */
            last_message_at: string | null;
            /** Last Read At */
            last_read_at: string | null;
            /** Unread */
            unread: number;
        };
        /** CounterpartOut */
        CounterpartOut: {
            /** Account Type */
            account_type: string;
            /** Avatar Url */
            avatar_url: string;
            /**
             * Display Name
             * @description 对外名称（accounts.identity：认证企业名称 > 企业名称 > 昵称）
             */
            display_name: string;
            /** Id */
            id: number;
            /**
             * Organisation Name
             * @description 工厂账号的工厂名称，其他为空
             */
            organisation_name: string;
            /**
             * Phone
             * @description 对方手机号：对方分享前打码显示
             */
            phone?: string | null;
            /**
             * Verified
             * @description 企业已认证：名称旁显示认证标识
             */
            verified: boolean;
        };
        /** DataExportOut */
        DataExportOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Download Url
             * @description 已生成时的下载地址（需登录）
             */
            download_url?: string | null;
            /** Finished At */
            finished_at: string | null;
            /** Id */
            id: number;
            /**
             * Status
             * @description pending 生成中 / ready 已生成 / failed 生成失败
             */
            status: string;
            /** Status Label */
            status_label: string;
        };
        /** DiscoveryFactoryOut */
        DiscoveryFactoryOut: {
            /** Attributes */
            attributes: components["schemas"]["AttributeOut"][];
            /** Categories */
            categories: components["schemas"]["TagOut"][];
            /**
             * Completed Deals
             * @description 接单量（成交的对接数）
             */
            completed_deals: number;
            /** Cover Url */
            cover_url: string | null;
            /** Distance Km */
            distance_km?: number | null;
            /** Favourite Id */
            favourite_id?: number | null;
            /** Id */
            id: number;
            industry: components["schemas"]["TagOut"];
            /** Is Verified */
            is_verified: boolean;
            /** Main Products */
            main_products: string;
            /** Name */
            name: string;
            region: components["schemas"]["RegionOut"];
            /**
             * Response Minutes
             * @description 回复时长中位数（分钟），暂无数据时为 null
             */
            response_minutes?: number | null;
            /**
             * Response Rate
             * @description 消息回复率，暂无数据时为 null
             */
            response_rate?: number | null;
            /**
             * Upheld Complaints
             * @description 成立的投诉数
             * @default 0
             */
            upheld_complaints: number;
            /** Verified At */
            verified_at: string | null;
        };
        /**
         * DiscoveryPostOut
         * @description A board row with what discovery adds: distance from the reader, favourite mark, owner's
         *     responsiveness (R-PLUS-4).
         */
        DiscoveryPostOut: {
            /**
             * Age Max
             * @description 用工：最大年龄
             */
            age_max?: number | null;
            /**
             * Age Min
             * @description 用工：最小年龄
             */
            age_min?: number | null;
            /** Capacity Per Day */
            capacity_per_day: number | null;
            category: components["schemas"]["NamedOut"] | null;
            cover: components["schemas"]["MediaOut"] | null;
            /** Currency */
            currency: string;
            /** Delivery Date */
            delivery_date: string | null;
            /** Distance Km */
            distance_km?: number | null;
            /**
             * Favourite Id
             * @description 已收藏时为收藏 id，用于取消收藏
             */
            favourite_id?: number | null;
            /** Headcount */
            headcount: number | null;
            /**
             * Housing Provided
             * @description 用工：包住
             * @default false
             */
            housing_provided: boolean;
            /** Id */
            id: number;
            industry: components["schemas"]["NamedOut"] | null;
            /** Is Full */
            is_full: boolean;
            job_type: components["schemas"]["NamedOut"] | null;
            /** Kind */
            kind: string;
            /** Kind Label */
            kind_label: string;
            /**
             * Meals Provided
             * @description 用工：包吃
             * @default false
             */
            meals_provided: boolean;
            owner: components["schemas"]["OwnerOut"];
            /**
             * Owner Verified
             * @description 发布者为已认证工厂
             * @default false
             */
            owner_verified: boolean;
            /** Period End */
            period_end: string | null;
            /** Period Start */
            period_start: string | null;
            /** Process Types */
            process_types: components["schemas"]["NamedOut"][];
            /** Product Name */
            product_name: string;
            /** Published At */
            published_at: string | null;
            /** Quantity */
            quantity: number | null;
            /** Quantity Unit */
            quantity_unit: string;
            /** Refreshed At */
            refreshed_at: string | null;
            region: components["schemas"]["RegionOut"] | null;
            /** Status */
            status: string;
            /**
             * Summary
             * @description 卡片要点（按板块定义生成，如「采购 2000 个 · 交期 2026-05-01」）
             */
            summary: string;
            /** Title */
            title: string;
            trust: components["schemas"]["TrustOut"];
            /** Unit Price */
            unit_price: number | null;
            /** Valid Until */
            valid_until: string | null;
            /** View Count */
            view_count: number;
            /** Wage Amount */
            wage_amount: number | null;
            /** Wage Unit */
            wage_unit: string;
            /** Wage Unit Label */
            wage_unit_label: string;
        };
        /**
         * DocumentKind
         * @enum {string}
         */
        DocumentKind: "user_agreement" | "privacy_policy" | "publishing_rules";
        /** DocumentOut */
        DocumentOut: {
            /**
             * Effective Date
             * Format: date
             */
            effective_date: string;
            kind: components["schemas"]["DocumentKind"];
            /** Kind Label */
            kind_label: string;
            /** Sections */
            sections: components["schemas"]["SectionOut"][];
            /**
             * Summary
             * @description 这一版相对上一版的变化（再次征求同意时展示）
             */
            summary: string;
            /** Title */
            title: string;
            /** Version */
            version: string;
        };
        /** DocumentStatusOut */
        DocumentStatusOut: {
            /** Accepted At */
            accepted_at: string | null;
            /**
             * Accepted Version
             * @description 本人最近同意的版本；从未同意为空
             */
            accepted_version: string | null;
            document: components["schemas"]["DocumentSummaryOut"];
            /** Up To Date */
            up_to_date: boolean;
        };
        /** DocumentSummaryOut */
        DocumentSummaryOut: {
            /**
             * Effective Date
             * Format: date
             */
            effective_date: string;
            kind: components["schemas"]["DocumentKind"];
            /** Kind Label */
            kind_label: string;
            /**
             * Summary
             * @description 这一版相对上一版的变化（再次征求同意时展示）
             */
            summary: string;
            /** Title */
            title: string;
            /** Version */
            version: string;
        };
        /** EditReviewOut */
        EditReviewOut: {
            /** Reject Reason */
            reject_reason: string;
            /**
             * Status
             * @description pending 待审核 / approved 已通过 / rejected 已驳回
             */
            status: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
        };
        /** FactoryBriefOut */
        FactoryBriefOut: {
            /** Name */
            name: string;
            /** User Id */
            user_id: number;
            /**
             * Verified
             * @default false
             */
            verified: boolean;
        };
        /** FactoryDetailOut */
        FactoryDetailOut: {
            /** Address */
            address: string;
            /** Attributes */
            attributes: components["schemas"]["AttributeOut"][];
            /** Capacity Summary */
            capacity_summary: string;
            /** Categories */
            categories: components["schemas"]["TagOut"][];
            /**
             * Completed Deals
             * @description 接单量（成交的对接数）
             */
            completed_deals: number;
            /** Contact Name */
            contact_name: string;
            /**
             * Contact Phone
             * @description 工厂本人可见完整号码，其他用户打码
             */
            contact_phone: string;
            /** Cover Url */
            cover_url: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Distance Km */
            distance_km?: number | null;
            /** @description 工厂本人可见：最近一次资料修改的审核状态（已认证工厂的修改审核通过后才展示） */
            edit_review?: components["schemas"]["EditReviewOut"] | null;
            /** Employee Count */
            employee_count: number | null;
            /** Equipment Summary */
            equipment_summary: string;
            /**
             * Favourite Id
             * @description 当前用户收藏该工厂时的收藏 ID
             */
            favourite_id?: number | null;
            /** Id */
            id: number;
            industry: components["schemas"]["TagOut"];
            /** Is Owner */
            is_owner: boolean;
            /** Is Verified */
            is_verified: boolean;
            /** Latitude */
            latitude: number | null;
            /** Longitude */
            longitude: number | null;
            /** Main Products */
            main_products: string;
            /** Name */
            name: string;
            /** Photos */
            photos: components["schemas"]["PhotoOut"][];
            region: components["schemas"]["RegionOut"];
            /**
             * Response Minutes
             * @description 回复时长中位数（分钟），暂无数据时为 null
             */
            response_minutes?: number | null;
            /**
             * Response Rate
             * @description 消息回复率，暂无数据时为 null
             */
            response_rate?: number | null;
            /**
             * Upheld Complaints
             * @description 成立的投诉数
             * @default 0
             */
            upheld_complaints: number;
            /** Verified At */
            verified_at: string | null;
            viewer: components["schemas"]["FactoryViewerOut"];
        };
        /**
         * FactoryFilters
         * @description The factory directory's filters. Tags: a factory must carry every requested attribute.
         */
        FactoryFilters: {
            /**
             * Attributes
             * @description 属性标签 id，须全部满足
             */
            attributes?: number[];
            /**
             * Category
             * @description 二级品类 id
             */
            category?: number | null;
            /**
             * Industry
             * @description 一级行业 id
             */
            industry?: number | null;
            /**
             * Q
             * @description 关键词（名称、主营产品、品类）
             */
            q?: string | null;
            /**
             * Region
             * @description 省 / 市 / 区县行政区划代码，含下辖地区
             */
            region?: string | null;
        };
        /** FactoryIn */
        FactoryIn: {
            /**
             * Address
             * @description 详细地址
             */
            address: string;
            /**
             * Attribute Ids
             * @description 属性标签：业务类型 / 产能 / 服务
             */
            attribute_ids?: number[];
            /**
             * Capacity Summary
             * @default
             */
            capacity_summary: string;
            /**
             * Category Ids
             * @description 二级品类（多选，须属于所选行业，至少一个）
             */
            category_ids: number[];
            /** Contact Name */
            contact_name: string;
            /**
             * Contact Phone
             * @description 手机号或带区号的固定电话；对其他用户打码显示
             */
            contact_phone: string;
            /**
             * Description
             * @default
             */
            description: string;
            /** Employee Count */
            employee_count?: number | null;
            /**
             * Equipment Summary
             * @default
             */
            equipment_summary: string;
            /**
             * Industry Id
             * @description 一级行业（单选）
             */
            industry_id: number;
            /**
             * Latitude
             * @description 纬度；不填时用所在区县的坐标
             */
            latitude?: number | null;
            /**
             * Longitude
             * @description 经度
             */
            longitude?: number | null;
            /**
             * Main Products
             * @description 主营产品
             */
            main_products: string;
            /**
             * Name
             * @description 工厂名称
             */
            name: string;
            /**
             * Photo Ids
             * @description 工厂照片（purpose=factory_photo）：至少 1 张车间照片，最多 9 张
             */
            photo_ids?: string[];
            /**
             * Region Adcode
             * @description 所在市或区县的行政区划代码
             */
            region_adcode: string;
        };
        /** FactoryOrder */
        FactoryOrder: {
            /**
             * Lat
             * @description 当前位置纬度（按距离排序时必填）
             */
            lat?: number | null;
            /**
             * Lng
             * @description 当前位置经度
             */
            lng?: number | null;
            /**
             * Sort
             * @description deals 接单量 / distance 距离 / newest 最新认证
             * @default deals
             * @enum {string}
             */
            sort: "deals" | "distance" | "newest";
            /**
             * Within Km
             * @description 只看该距离以内的工厂
             */
            within_km?: number | null;
        };
        /**
         * FactoryViewerOut
         * @description What the page says about its reader (issue #15 item 8); empty for anonymous readers.
         */
        FactoryViewerOut: {
            /**
             * Favourite Id
             * @description 当前用户收藏该工厂时的收藏 ID
             */
            favourite_id?: number | null;
            /**
             * Is Own
             * @description 当前用户的工厂
             */
            is_own: boolean;
        };
        /** FavouriteCreatedOut */
        FavouriteCreatedOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Factory Id */
            factory_id: number | null;
            /** Id */
            id: number;
            /** Post Id */
            post_id: number | null;
        };
        /** FavouriteOut */
        FavouriteOut: {
            /**
             * Available
             * @description 信息是否仍可查看（已下架/过期/发布者停用或注销为 false）
             */
            available: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            factory?: components["schemas"]["DiscoveryFactoryOut"] | null;
            /** Id */
            id: number;
            post?: components["schemas"]["DiscoveryPostOut"] | null;
            /**
             * Title
             * @description 标题；信息不可查看时为“已失效”，不再显示其内容
             */
            title: string;
            /**
             * Type
             * @enum {string}
             */
            type: "post" | "factory";
        };
        /** FeedbackIn */
        FeedbackIn: {
            /**
             * Category
             * @description suggestion 功能建议 / problem 问题反馈 / other 其他
             * @default other
             * @enum {string}
             */
            category: "suggestion" | "problem" | "other";
            /**
             * Contact Ok
             * @description 是否同意客服联系我
             * @default false
             */
            contact_ok: boolean;
            /**
             * Content
             * @description 反馈内容（至少 5 个字）
             */
            content: string;
            /**
             * Image Ids
             * @description 截图：先以 purpose=complaint_evidence 上传，最多 6 张
             */
            image_ids?: string[];
        };
        /** FeedbackOut */
        FeedbackOut: {
            /** Category */
            category: string;
            /** Category Label */
            category_label: string;
            /** Contact Ok */
            contact_ok: boolean;
            /** Content */
            content: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Images */
            images: components["schemas"]["StoredFileOut"][];
            /** Replied At */
            replied_at: string | null;
            /** Reply */
            reply: string;
            /**
             * Status
             * @description pending 待回复 / replied 已回复
             */
            status: string;
            /** Status Label */
            status_label: string;
        };
        /**
         * FilePurpose
         * @description What a file is for decides who may read it.
         * @enum {string}
         */
        FilePurpose: "licence" | "id_document" | "certificate" | "post_media" | "factory_photo" | "chat_attachment" | "complaint_evidence" | "avatar";
        /** FileRef */
        FileRef: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Thumbnail Url */
            thumbnail_url: string | null;
            /** Url */
            url: string;
        };
        /** FilterOut */
        FilterOut: {
            /** Label */
            label: string;
            /**
             * Name
             * @description GET /api/discovery/{kind} 的查询参数名
             */
            name: string;
            /** Options */
            options: components["schemas"]["OptionOut"][];
            /**
             * Type
             * @description region / industry / category / job_type / process_type / select / boolean / number
             */
            type: string;
        };
        /** FormSchemaOut */
        FormSchemaOut: {
            /** Kind */
            kind: string;
            /** Label */
            label: string;
            /**
             * Median Review Minutes
             * @description 近 30 天审核用时中位数（分钟，按审核决定计算）；尚无审核记录时为空
             */
            median_review_minutes?: number | null;
            /**
             * Notice
             * @default
             */
            notice: string;
            /** Publisher Account Type */
            publisher_account_type: string;
            /** Steps */
            steps: components["schemas"]["FormStepOut"][];
            /** Taxonomy Version */
            taxonomy_version: number;
        };
        /** FormStepOut */
        FormStepOut: {
            /** Fields */
            fields: {
                [key: string]: unknown;
            }[];
            /** Key */
            key: string;
            /** Title */
            title: string;
        };
        /** HistoryOut */
        HistoryOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Available
             * @description 信息是否仍可查看（已下架/过期/发布者停用或注销为 false）
             */
            available: boolean;
            factory?: components["schemas"]["DiscoveryFactoryOut"] | null;
            /** Id */
            id: number;
            post?: components["schemas"]["DiscoveryPostOut"] | null;
            /**
             * Title
             * @description 标题；信息不可查看时为“已失效”
             */
            title: string;
            /**
             * Type
             * @enum {string}
             */
            type: "post" | "factory";
        };
        /** HistoryQuery */
        HistoryQuery: {
            /**
             * Before Id
             * @description 加载这条消息之前的更早消息
             */
            before_id?: number | null;
            /**
             * Limit
             * @default 30
             */
            limit: number;
        };
        /** HomeOut */
        HomeOut: {
            /** Announcements */
            announcements: components["schemas"]["AnnouncementOut"][];
            /**
             * Counts
             * @description 各板块当前可见数量（factory 为已认证工厂数）
             */
            counts: {
                [key: string]: number;
            };
            /** Recommendations */
            recommendations: components["schemas"]["RecommendationOut"][];
        };
        /** IndustryOut */
        IndustryOut: {
            /** Categories */
            categories: components["schemas"]["CategoryOut"][];
            /** Code */
            code: string;
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** Input */
        Input: {
            /**
             * Cursor
             * @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移）
             */
            cursor?: string | null;
            /**
             * Page
             * @description 页码，从 1 开始
             * @default 1
             */
            page: number;
            /**
             * Page Size
             * @description 每页条数，最多 100
             * @default 20
             */
            page_size: number;
        };
        /** JobPostBriefOut */
        JobPostBriefOut: {
            /** Headcount */
            headcount: number | null;
            /** Hired Count */
            hired_count: number;
            /** Id */
            id: number;
            /** Is Full */
            is_full: boolean;
            /** Job Type */
            job_type: string | null;
            /** Region */
            region: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Wage Amount */
            wage_amount: string | null;
            /** Wage Unit */
            wage_unit: string;
            /** Wage Unit Label */
            wage_unit_label: string;
        };
        /** JobPreferenceIn */
        JobPreferenceIn: {
            /**
             * Available From
             * @description 可到岗日期
             */
            available_from?: string | null;
            /**
             * Job Type Ids
             * @description 意向工种 id（最多 10 个）
             */
            job_type_ids?: number[];
            /**
             * Region Adcode
             * @description 意向地区（省 / 市 / 区县）
             */
            region_adcode?: string | null;
        };
        /** JobPreferenceOut */
        JobPreferenceOut: {
            /** Available From */
            available_from: string | null;
            /** Job Types */
            job_types: components["schemas"]["NamedOut"][];
            region: components["schemas"]["RegionOut"] | null;
            /** Updated At */
            updated_at: string | null;
        };
        /** JobTypeOut */
        JobTypeOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** LastMessageOut */
        LastMessageOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Kind */
            kind: string;
            /** Preview */
            preview: string;
            /** Sender Id */
            sender_id: number;
        };
        /** LicenceIn */
        LicenceIn: {
            /**
             * Company Name
             * @description 企业名称（与营业执照一致）
             */
            company_name: string;
            /**
             * Credit Code
             * @description 统一社会信用代码，18 位
             */
            credit_code: string;
            /**
             * File Ids
             * @description 营业执照图片（POST /api/uploads，purpose=licence）
             */
            file_ids: string[];
            /**
             * Is Long Term
             * @description 营业期限为长期
             * @default false
             */
            is_long_term: boolean;
            /**
             * Legal Representative
             * @description 法定代表人
             */
            legal_representative: string;
            /**
             * Registered Address
             * @description 注册地址
             */
            registered_address: string;
            /**
             * Valid Until
             * @description 营业期限至；长期有效时留空
             */
            valid_until?: string | null;
        };
        /** LicenceOut */
        LicenceOut: {
            /**
             * Issuer
             * @description 发证机关
             */
            issuer: string;
            /**
             * Number
             * @description 人力资源服务许可证编号
             */
            number: string;
            /**
             * Text
             * @description 展示用的一行文字
             */
            text: string;
            /**
             * Valid Until
             * Format: date
             */
            valid_until: string;
        };
        /** MarkReadIn */
        MarkReadIn: {
            /**
             * Ids
             * @description 要标记已读的通知；不传则全部标记已读
             */
            ids?: number[] | null;
        };
        /** MarkReadOut */
        MarkReadOut: {
            /** Marked */
            marked: number;
            /** Unread Count */
            unread_count: number;
        };
        /** MatchOut */
        MatchOut: {
            /** Distance Km */
            distance_km: number | null;
            factory?: components["schemas"]["DiscoveryFactoryOut"] | null;
            post?: components["schemas"]["DiscoveryPostOut"] | null;
            /**
             * Reasons
             * @description 匹配理由，如 同品类：保温杯、距离 12 公里、可接急单
             */
            reasons: string[];
            /**
             * Score
             * @description 匹配度 0-100
             */
            score: number;
            /**
             * Type
             * @enum {string}
             */
            type: "post" | "factory" | "worker";
            worker?: components["schemas"]["WorkerOut"] | null;
        };
        /** MediaOut */
        MediaOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Thumbnail Url */
            thumbnail_url: string;
            /** Url */
            url: string;
        };
        /** MeOut */
        MeOut: {
            /**
             * Account Type
             * @description trade / factory / worker；空字符串表示尚未选择
             */
            account_type: string;
            /** Account Type Label */
            account_type_label: string;
            /** Avatar Url */
            avatar_url: string;
            /**
             * Date Joined
             * Format: date-time
             */
            date_joined: string;
            /** Display Name */
            display_name: string;
            /** Has Phone */
            has_phone: boolean;
            /** Id */
            id: number;
            /**
             * Organisation Name
             * @description 外贸公司、工厂填写的企业名称
             */
            organisation_name: string;
            /** Phone Masked */
            phone_masked: string;
            /** Privacy Consented */
            privacy_consented: boolean;
            /**
             * Public Name
             * @description 其他用户看到的名称（认证名称 > 企业名称 > 昵称）
             */
            public_name: string;
            /** Status */
            status: string;
            /** Status Reason */
            status_reason: string;
            /** Status Until */
            status_until: string | null;
            /**
             * Verified
             * @description 企业已认证（显示认证标识）
             */
            verified: boolean;
            /**
             * Verified Name
             * @description 认证通过的营业执照企业名称，未认证为空
             */
            verified_name: string;
        };
        /** MessageIn */
        MessageIn: {
            /**
             * File Id
             * @description 附件：先以 purpose=chat_attachment 上传
             */
            file_id?: string | null;
            /**
             * Text
             * @description 文字内容（与 file_id 二选一）
             */
            text?: string | null;
        };
        /** MessageOut */
        MessageOut: {
            /** Conversation Id */
            conversation_id: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            file: components["schemas"]["StoredFileOut"] | null;
            /** Id */
            id: number;
            /** Is Mine */
            is_mine: boolean;
            /**
             * Kind
             * @description text 文字 / image 图片 / file 文件 / contact_share 联系方式
             */
            kind: string;
            /**
             * Masked
             * @description text 是否经过打码
             */
            masked: boolean;
            /**
             * Review
             * @description held 等待平台审核 / rejected 未通过审核（仅发送人可见原因）/ null 已送达
             */
            review?: string | null;
            /**
             * Review Reason
             * @description 未通过审核的原因（仅发送人）
             * @default
             */
            review_reason: string;
            /** Sender Id */
            sender_id: number;
            /**
             * Text
             * @description 对方分享联系方式前，其中的手机号、微信号等打码显示
             */
            text: string;
        };
        /** MessagePageOut */
        MessagePageOut: {
            /** Has More */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["MessageOut"][];
            /**
             * Next Before Id
             * @description 加载更早消息时作为 before_id
             */
            next_before_id?: number | null;
        };
        /** MineQuery */
        MineQuery: {
            /**
             * Kind
             * @description 信息类型（见 GET /api/boards）
             */
            kind?: string | null;
            status?: components["schemas"]["PostStatus"] | null;
        };
        /**
         * MyApplicationOut
         * @description One of the worker's application records.
         */
        MyApplicationOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            factory: components["schemas"]["FactoryBriefOut"];
            /** Id */
            id: number;
            /** Note */
            note: string;
            post: components["schemas"]["JobPostBriefOut"];
            /** Post Title */
            post_title: string;
            /**
             * Status
             * @description new 新申请 / contacted 已联系 / hired 已录用 / declined 未录用 / withdrawn 已撤回
             */
            status: string;
            /** Status Label */
            status_label: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** MyComplaintsFilter */
        MyComplaintsFilter: {
            /**
             * Status
             * @description 按状态筛选：submitted / processing / resolved / dismissed
             */
            status?: string | null;
        };
        /** MyFilesFilter */
        MyFilesFilter: {
            purpose?: components["schemas"]["FilePurpose"] | null;
        };
        /**
         * MyPostOut
         * @description What the owner sees of their own post: its review state and the pending edit.
         */
        MyPostOut: {
            /** Address */
            address: string;
            /**
             * Appeal Note
             * @default
             */
            appeal_note: string;
            /**
             * Appealed At
             * @description 申诉时间（每条信息只能申诉一次）
             */
            appealed_at?: string | null;
            /**
             * Can Appeal
             * @description 被驳回（或修改被驳回）且尚未申诉：可以申诉
             * @default false
             */
            can_appeal: boolean;
            /** Capacity Per Day */
            capacity_per_day: number | null;
            category: components["schemas"]["NamedOut"] | null;
            /** Certifications */
            certifications: string[];
            /** Contact Count */
            contact_count: number;
            cover: components["schemas"]["MediaOut"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /** Delivery Date */
            delivery_date: string | null;
            /** Description */
            description: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /**
             * Form
             * @description 表单当前值（与提交格式一致），用于继续编辑
             */
            form: {
                [key: string]: unknown;
            };
            /** Grade */
            grade: string;
            /** Headcount */
            headcount: number | null;
            /** Hired Count */
            hired_count: number;
            /** Housing Provided */
            housing_provided: boolean;
            /** Id */
            id: number;
            industry: components["schemas"]["NamedOut"] | null;
            /** Is Full */
            is_full: boolean;
            job_type: components["schemas"]["NamedOut"] | null;
            /** Kind */
            kind: string;
            /** Kind Label */
            kind_label: string;
            /** Latitude */
            latitude: number | null;
            /** Longitude */
            longitude: number | null;
            /** Material Supplied */
            material_supplied: boolean | null;
            /** Meals Provided */
            meals_provided: boolean;
            /** Media */
            media: components["schemas"]["MediaOut"][];
            /** Min Order */
            min_order: number | null;
            /** No Fee Statement */
            no_fee_statement: string;
            owner: components["schemas"]["OwnerOut"];
            pending_edit: components["schemas"]["PendingEditOut"] | null;
            /** Period End */
            period_end: string | null;
            /** Period Start */
            period_start: string | null;
            /** Process Types */
            process_types: components["schemas"]["NamedOut"][];
            /** Product Name */
            product_name: string;
            /** Published At */
            published_at: string | null;
            /** Quantity */
            quantity: number | null;
            /** Quantity Unit */
            quantity_unit: string;
            /** @description 招聘信息页展示的平台人力资源服务许可证 */
            recruitment_licence?: components["schemas"]["LicenceOut"] | null;
            /** Refreshed At */
            refreshed_at: string | null;
            region: components["schemas"]["RegionOut"] | null;
            /** Reject Reason */
            reject_reason: string;
            /** @description 最近一次修改被驳回时：驳回原因与申诉情况 */
            rejected_edit?: components["schemas"]["RejectedEditOut"] | null;
            /** Review Due At */
            review_due_at: string | null;
            /** Sample Required */
            sample_required: boolean | null;
            /** Status */
            status: string;
            /** Status Label */
            status_label: string;
            /** Submitted At */
            submitted_at: string | null;
            /**
             * Summary
             * @description 卡片要点（按板块定义生成，如「采购 2000 个 · 交期 2026-05-01」）
             */
            summary: string;
            /** Title */
            title: string;
            /** Unit Price */
            unit_price: number | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Valid Until */
            valid_until: string | null;
            /** View Count */
            view_count: number;
            /** Wage Amount */
            wage_amount: number | null;
            /** Wage Unit */
            wage_unit: string;
            /** Wage Unit Label */
            wage_unit_label: string;
        };
        /** NamedOut */
        NamedOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** NotificationFilter */
        NotificationFilter: {
            kind?: components["schemas"]["NotificationKind"] | null;
            /** Unread */
            unread?: boolean | null;
        };
        /**
         * NotificationKind
         * @enum {string}
         */
        NotificationKind: "review_result" | "qualification" | "new_message" | "new_contact" | "new_match" | "application" | "complaint" | "account" | "system";
        /** NotificationOut */
        NotificationOut: {
            /** Body */
            body: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Is Read */
            is_read: boolean;
            /** Kind */
            kind: string;
            /** Kind Label */
            kind_label: string;
            /** Link */
            link: string;
            /** Read At */
            read_at: string | null;
            /** Target Id */
            target_id: string;
            /** Target Type */
            target_type: string;
            /** Title */
            title: string;
        };
        /** NotificationUnreadCountOut */
        NotificationUnreadCountOut: {
            /**
             * Count
             * @description 未读通知数
             */
            count: number;
        };
        /** OptionOut */
        OptionOut: {
            /** Label */
            label: string;
            /** Value */
            value: string;
        };
        /** OwnerOut */
        OwnerOut: {
            /** Account Type */
            account_type: string;
            /**
             * Display Name
             * @description 对外名称（accounts.identity：认证企业名称 > 企业名称 > 昵称）
             */
            display_name: string;
            /** Factory Id */
            factory_id?: number | null;
            /**
             * Factory Name
             * @default
             */
            factory_name: string;
            /** Id */
            id: number;
            /**
             * Verified
             * @description 企业已认证：名称旁显示认证标识
             * @default false
             */
            verified: boolean;
        };
        /** PagedApplicantOut */
        PagedApplicantOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["ApplicantOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedComplaintOut */
        PagedComplaintOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["ComplaintOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedConnectionOut */
        PagedConnectionOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["ConnectionOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedConversationOut */
        PagedConversationOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["ConversationOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedDiscoveryFactoryOut */
        PagedDiscoveryFactoryOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["DiscoveryFactoryOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedDiscoveryPostOut */
        PagedDiscoveryPostOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["DiscoveryPostOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedFavouriteOut */
        PagedFavouriteOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["FavouriteOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedFeedbackOut */
        PagedFeedbackOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["FeedbackOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedHistoryOut */
        PagedHistoryOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["HistoryOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedMyApplicationOut */
        PagedMyApplicationOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["MyApplicationOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedMyPostOut */
        PagedMyPostOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["MyPostOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedNotificationOut */
        PagedNotificationOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["NotificationOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedQualificationOut */
        PagedQualificationOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["QualificationOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PagedStoredFileOut */
        PagedStoredFileOut: {
            /**
             * Count
             * @description 总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）
             */
            count: number;
            /**
             * Count Capped
             * @default false
             */
            count_capped: boolean;
            /** Items */
            items: components["schemas"]["StoredFileOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（支持游标的列表才有）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
        };
        /** PendingEditOut */
        PendingEditOut: {
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /** Id */
            id: number;
            /**
             * Review Due At
             * Format: date-time
             */
            review_due_at: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
        };
        /** PersonalIdIn */
        PersonalIdIn: {
            /**
             * Certificate File Ids
             * @description 技能证书等（可选）
             */
            certificate_file_ids?: string[];
            /**
             * Id Number
             * @description 18 位居民身份证号
             */
            id_number: string;
            /**
             * Real Name
             * @description 真实姓名
             */
            real_name: string;
        };
        /** PhotoOut */
        PhotoOut: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Thumbnail Url */
            thumbnail_url: string | null;
            /** Url */
            url: string;
        };
        /** PointQuery */
        PointQuery: {
            /**
             * Lat
             * @description 当前位置纬度（可选，用于附近推荐）
             */
            lat?: number | null;
            /** Lng */
            lng?: number | null;
        };
        /** PostBriefOut */
        PostBriefOut: {
            /** Id */
            id: number;
            /** Title */
            title: string;
        };
        /** PostDetailOut */
        PostDetailOut: {
            /** Address */
            address: string;
            /** Capacity Per Day */
            capacity_per_day: number | null;
            category: components["schemas"]["NamedOut"] | null;
            /** Certifications */
            certifications: string[];
            /** Contact Count */
            contact_count: number;
            cover: components["schemas"]["MediaOut"] | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Currency */
            currency: string;
            /** Delivery Date */
            delivery_date: string | null;
            /** Description */
            description: string;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /** Grade */
            grade: string;
            /** Headcount */
            headcount: number | null;
            /** Hired Count */
            hired_count: number;
            /** Housing Provided */
            housing_provided: boolean;
            /** Id */
            id: number;
            industry: components["schemas"]["NamedOut"] | null;
            /** Is Full */
            is_full: boolean;
            job_type: components["schemas"]["NamedOut"] | null;
            /** Kind */
            kind: string;
            /** Kind Label */
            kind_label: string;
            /** Latitude */
            latitude: number | null;
            /** Longitude */
            longitude: number | null;
            /** Material Supplied */
            material_supplied: boolean | null;
            /** Meals Provided */
            meals_provided: boolean;
            /** Media */
            media: components["schemas"]["MediaOut"][];
            /** Min Order */
            min_order: number | null;
            /** No Fee Statement */
            no_fee_statement: string;
            owner: components["schemas"]["OwnerOut"];
            /** Period End */
            period_end: string | null;
            /** Period Start */
            period_start: string | null;
            /** Process Types */
            process_types: components["schemas"]["NamedOut"][];
            /** Product Name */
            product_name: string;
            /** Published At */
            published_at: string | null;
            /** Quantity */
            quantity: number | null;
            /** Quantity Unit */
            quantity_unit: string;
            /** @description 招聘信息页展示的平台人力资源服务许可证 */
            recruitment_licence?: components["schemas"]["LicenceOut"] | null;
            /** Refreshed At */
            refreshed_at: string | null;
            region: components["schemas"]["RegionOut"] | null;
            /** Sample Required */
            sample_required: boolean | null;
            /** Status */
            status: string;
            /**
             * Summary
             * @description 卡片要点（按板块定义生成，如「采购 2000 个 · 交期 2026-05-01」）
             */
            summary: string;
            /** Title */
            title: string;
            /** Unit Price */
            unit_price: number | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Valid Until */
            valid_until: string | null;
            /** View Count */
            view_count: number;
            viewer: components["schemas"]["PostViewerOut"];
            /** Wage Amount */
            wage_amount: number | null;
            /** Wage Unit */
            wage_unit: string;
            /** Wage Unit Label */
            wage_unit_label: string;
        };
        /**
         * PostStatus
         * @enum {string}
         */
        PostStatus: "draft" | "pending" | "published" | "rejected" | "taken_down" | "expired";
        /**
         * PostViewerOut
         * @description What the page says about its reader (issue #15 item 8); all empty for anonymous readers.
         */
        PostViewerOut: {
            /** @description 当前用户（工人）对该岗位的报名 */
            application?: components["schemas"]["ViewerApplicationOut"] | null;
            /**
             * Favourite Id
             * @description 当前用户收藏该信息时的收藏 ID
             */
            favourite_id?: number | null;
            /**
             * Is Own
             * @description 当前用户发布的信息
             */
            is_own: boolean;
        };
        /** PrecheckIn */
        PrecheckIn: {
            /**
             * Texts
             * @description 字段名 → 文本
             */
            texts: {
                [key: string]: string;
            };
        };
        /** PrecheckOut */
        PrecheckOut: {
            /**
             * Contacts
             * @description 识别出的联系方式，提示用户勿在内容中留联系方式
             */
            contacts?: components["schemas"]["ContactOut"][];
            /**
             * Passed
             * @description 没有拦截词（有拦截词时返回 422 content_blocked）
             */
            passed: boolean;
        };
        /** ProcessTypeOut */
        ProcessTypeOut: {
            /** Id */
            id: number;
            /** Industry Id */
            industry_id: number | null;
            /** Name */
            name: string;
        };
        /** ProfileIn */
        ProfileIn: {
            /** Avatar Url */
            avatar_url?: string | null;
            /** Display Name */
            display_name?: string | null;
            /**
             * Organisation Name
             * @description 外贸公司、工厂：企业名称
             */
            organisation_name?: string | null;
        };
        /** PublishPermissionOut */
        PublishPermissionOut: {
            /** Can Publish */
            can_publish: boolean;
            /**
             * Code
             * @description 不能发布时的原因代码，如 qualification_required
             */
            code?: string | null;
            /** Detail */
            detail?: unknown;
            /**
             * Message
             * @description 给用户看的中文说明
             * @default
             */
            message: string;
        };
        /** QualificationOut */
        QualificationOut: {
            /**
             * Appeal Note
             * @default
             */
            appeal_note: string;
            /** Appealed At */
            appealed_at?: string | null;
            /**
             * Can Appeal
             * @default false
             */
            can_appeal: boolean;
            /** Company Name */
            company_name: string;
            /** Credit Code Masked */
            credit_code_masked: string;
            /** Files */
            files: components["schemas"]["FileRef"][];
            /** Id */
            id: number;
            /** Id Number Masked */
            id_number_masked: string;
            /** Is Long Term */
            is_long_term: boolean;
            /** Kind */
            kind: string;
            /** Kind Label */
            kind_label: string;
            /** Legal Representative */
            legal_representative: string;
            /** Real Name Masked */
            real_name_masked: string;
            /** Registered Address */
            registered_address: string;
            /** Reject Reason */
            reject_reason: string;
            /**
             * Review Due At
             * Format: date-time
             */
            review_due_at: string;
            /** Reviewed At */
            reviewed_at: string | null;
            /** Status */
            status: string;
            /** Status Label */
            status_label: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Valid Until */
            valid_until: string | null;
        };
        /** ReadOut */
        ReadOut: {
            /** Conversation Id */
            conversation_id: number;
            /**
             * Last Read At
             * Format: date-time
             */
            last_read_at: string;
            /** Unread */
            unread: number;
        };
        /** RecommendationOut */
        RecommendationOut: {
            factory?: components["schemas"]["DiscoveryFactoryOut"] | null;
            post?: components["schemas"]["DiscoveryPostOut"] | null;
            /** Reason */
            reason: string;
            /**
             * Type
             * @enum {string}
             */
            type: "post" | "factory";
        };
        /** RegionDetailOut */
        RegionDetailOut: {
            /**
             * Adcode
             * @description 行政区划代码（6 位）
             */
            adcode: string;
            /** Full Name */
            full_name: string;
            /** Latitude */
            latitude: number | null;
            /**
             * Level
             * @description 1 省 / 2 市 / 3 区县
             */
            level: number;
            /** Longitude */
            longitude: number | null;
            /** Name */
            name: string;
            /** Parent Adcode */
            parent_adcode?: string | null;
            /**
             * Path
             * @description 从省到本级的路径
             */
            path: components["schemas"]["RegionOut"][];
        };
        /** RegionOut */
        RegionOut: {
            /** Adcode */
            adcode: string;
            /** Full Name */
            full_name: string;
            /** Name */
            name: string;
        };
        /**
         * RejectedEditOut
         * @description The post's latest edit when it was rejected (or its appeal is under review): issue #14.
         */
        RejectedEditOut: {
            /** Appeal Note */
            appeal_note: string;
            /** Appealed At */
            appealed_at: string | null;
            /** Id */
            id: number;
            /** Reason */
            reason: string;
            /** Reviewed At */
            reviewed_at: string | null;
        };
        /** RejectIn */
        RejectIn: {
            /**
             * Reason
             * @description 驳回原因，会推送给用户
             */
            reason: string;
        };
        /** SearchHitOut */
        SearchHitOut: {
            /** Board */
            board: string;
            /** Board Label */
            board_label: string;
            /**
             * Highlights
             * @description 摘要中命中词的 [起, 止) 字符区间
             */
            highlights: [
                number,
                number
            ][];
            /** Id */
            id: number;
            /** Published At */
            published_at: string | null;
            /** Region Name */
            region_name: string;
            /**
             * Snippet
             * @description 纯文本摘要（客户端按区间高亮，勿当作 HTML）
             */
            snippet: string;
            /** Summary */
            summary: string;
            /** Title */
            title: string;
            /**
             * Title Highlights
             * @description 标题中命中词的 [起, 止) 字符区间
             */
            title_highlights: [
                number,
                number
            ][];
            /**
             * Type
             * @enum {string}
             */
            type: "post" | "factory";
        };
        /** SearchOut */
        SearchOut: {
            /** Count */
            count: number;
            /**
             * Facets
             * @description 各板块命中数（含 factory 工厂）
             */
            facets: {
                [key: string]: number;
            };
            /** Items */
            items: components["schemas"]["SearchHitOut"][];
            /**
             * Next Cursor
             * @description 下一页的位置（传回 cursor）；没有更多时为空
             */
            next_cursor?: string | null;
            /** Page */
            page: number;
            /** Page Size */
            page_size: number;
            /** Query */
            query: string;
            /**
             * Relaxed
             * @description 完整词无结果时，放宽为词内的短词匹配
             */
            relaxed: boolean;
            /**
             * Terms
             * @description 分词后用于匹配的词
             */
            terms: string[];
        };
        /** SearchQuery */
        SearchQuery: {
            /**
             * Cursor
             * @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移）
             */
            cursor?: string | null;
            /**
             * Kind
             * @description 只看某个板块（GET /api/boards 的 kind，或 factory）；分面计数始终覆盖全部板块
             */
            kind?: string | null;
            /**
             * Page
             * @default 1
             */
            page: number;
            /**
             * Page Size
             * @default 20
             */
            page_size: number;
            /**
             * Q
             * @description 关键词：产品、工种、工艺、工厂名
             */
            q: string;
        };
        /** SectionOut */
        SectionOut: {
            /** Heading */
            heading: string;
            /** Paragraphs */
            paragraphs: string[];
        };
        /** SignInOut */
        SignInOut: {
            /** Is New */
            is_new: boolean;
            /** Token */
            token: string;
            user: components["schemas"]["MeOut"];
        };
        /** SmsCodeIn */
        SmsCodeIn: {
            /**
             * Phone
             * @description 11 位中国大陆手机号
             */
            phone: string;
        };
        /** SmsCodeOut */
        SmsCodeOut: {
            /** Expires In */
            expires_in: number;
            /**
             * Resend After
             * @description 多少秒后可再次获取
             */
            resend_after: number;
        };
        /** SmsPhoneIn */
        SmsPhoneIn: {
            /**
             * Code
             * @description 短信验证码
             */
            code: string;
            /**
             * Phone
             * @description 11 位中国大陆手机号（先调用 /api/auth/sms-codes）
             */
            phone: string;
        };
        /** SmsSignInIn */
        SmsSignInIn: {
            /** Code */
            code: string;
            /** Phone */
            phone: string;
        };
        /** SortOut */
        SortOut: {
            /** Key */
            key: string;
            /** Label */
            label: string;
            /** Needs Location */
            needs_location: boolean;
        };
        /** StatusFilter */
        StatusFilter: {
            /**
             * Post
             * @description 只看对某条用工信息的申请（岗位页显示报名状态，issue #15）
             */
            post?: number | null;
            /**
             * Status
             * @description 按状态筛选：new / contacted / hired / declined / withdrawn
             */
            status?: string | null;
        };
        /** StatusIn */
        StatusIn: {
            /**
             * Status
             * @description contacted 已联系 / hired 已录用 / declined 未录用
             * @enum {string}
             */
            status: "contacted" | "hired" | "declined";
        };
        /**
         * StoredFileOut
         * @description A stored file as every app shows it; other apps nest it in their own Out schemas.
         *
         *     ``url``/``thumbnail_url`` are paths under ``/api/files/``; for private files they carry a
         *     short-lived signature (see ``uploads.links``), so only give this to readers who passed
         *     ``uploads.access.can_read``.
         */
        StoredFileOut: {
            /** Content Type */
            content_type: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Height */
            height: number | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Original Name */
            original_name: string;
            /** Purpose */
            purpose: string;
            /** Size */
            size: number;
            /** Thumbnail Url */
            thumbnail_url: string | null;
            /** Url */
            url: string;
            /** Width */
            width: number | null;
        };
        /** SubjectFactoryOut */
        SubjectFactoryOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** SubjectPostOut */
        SubjectPostOut: {
            /** Id */
            id: number;
            /** Kind */
            kind: string;
            /** Title */
            title: string;
        };
        /** SubscriptionsIn */
        SubscriptionsIn: {
            /**
             * Purposes
             * @description 用户在订阅弹窗中点了「允许」的用途
             */
            purposes: string[];
        };
        /** SubscriptionStateOut */
        SubscriptionStateOut: {
            /** Label */
            label: string;
            /** Purpose */
            purpose: string;
            /** Remaining */
            remaining: number;
            /** Template Id */
            template_id: string;
        };
        /** TagOut */
        TagOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /**
         * TargetFilters
         * @description Favourites and history: all, or only posts, or only factories.
         */
        TargetFilters: {
            /**
             * Type
             * @description post 信息 / factory 工厂；不填为全部
             */
            type?: ("post" | "factory") | null;
        };
        /** TargetIn */
        TargetIn: {
            /** Factory Id */
            factory_id?: number | null;
            /** Post Id */
            post_id?: number | null;
        };
        /** TargetUserOut */
        TargetUserOut: {
            /** Id */
            id: number;
            /** Name */
            name: string;
        };
        /** TaxonomyOut */
        TaxonomyOut: {
            /** Attribute Groups */
            attribute_groups: components["schemas"]["AttributeGroupOut"][];
            /** Industries */
            industries: components["schemas"]["IndustryOut"][];
            /** Job Types */
            job_types: components["schemas"]["JobTypeOut"][];
            /** Process Types */
            process_types: components["schemas"]["ProcessTypeOut"][];
            /**
             * Version
             * @description 标签体系版本号，任何改动都会变化
             */
            version: number;
        };
        /** TrustOut */
        TrustOut: {
            /**
             * Response Minutes
             * @description 回复时长中位数（分钟）
             */
            response_minutes?: number | null;
            /**
             * Response Rate
             * @description 消息回复率（0-1），暂无数据为 null
             */
            response_rate?: number | null;
        };
        /** UnreadCountOut */
        UnreadCountOut: {
            /** Unread */
            unread: number;
        };
        /** UserBriefOut */
        UserBriefOut: {
            /** Account Type */
            account_type: string;
            /** Avatar Url */
            avatar_url: string;
            /**
             * Display Name
             * @description 对外名称（accounts.identity：认证企业名称 > 企业名称 > 昵称）
             */
            display_name: string;
            /** Id */
            id: number;
            /**
             * Organisation Name
             * @description 工厂账号的工厂名称，其他为空
             */
            organisation_name: string;
            /**
             * Verified
             * @description 企业已认证：名称旁显示认证标识
             */
            verified: boolean;
        };
        /** ViewerApplicationOut */
        ViewerApplicationOut: {
            /** Id */
            id: number;
            /**
             * Status
             * @description new / contacted / hired / declined / withdrawn（见 status_label）
             */
            status: string;
            /** Status Label */
            status_label: string;
        };
        /** ViewRecordedOut */
        ViewRecordedOut: {
            /**
             * Counted
             * @description 本次计入浏览量（同一浏览者每天一次，本人不计）
             */
            counted: boolean;
            /**
             * Recorded
             * @description 已记入浏览记录（仅登录用户）
             */
            recorded: boolean;
        };
        /** WageReportIn */
        WageReportIn: {
            /**
             * Actual Wage
             * @description 实际工资（与信息的工资单位相同）
             */
            actual_wage: number | string;
            /**
             * Description
             * @description 情况说明
             * @default
             */
            description: string;
            /**
             * Evidence Ids
             * @description 证据：先以 purpose=complaint_evidence 上传
             */
            evidence_ids?: string[];
        };
        /** WageReportOut */
        WageReportOut: {
            /** Actual Wage */
            actual_wage: string;
            /** Application Id */
            application_id: number;
            /** Complaint Id */
            complaint_id: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /** Posted Wage */
            posted_wage: string | null;
            /** Wage Unit */
            wage_unit: string;
        };
        /**
         * WageUnit
         * @enum {string}
         */
        WageUnit: "hour" | "day" | "piece" | "month";
        /** WeChatPhoneIn */
        WeChatPhoneIn: {
            /**
             * Code
             * @description 手机号快速验证组件（open-type=getPhoneNumber）返回的 code
             */
            code: string;
        };
        /** WeChatSignInIn */
        WeChatSignInIn: {
            /**
             * Code
             * @description wx.login 返回的 code
             */
            code: string;
        };
        /** WorkerOut */
        WorkerOut: {
            /** Available From */
            available_from: string | null;
            /** Display Name */
            display_name: string;
            /** Id */
            id: number;
            /** Job Types */
            job_types: components["schemas"]["NamedOut"][];
            region: components["schemas"]["RegionOut"] | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    applications_api_apply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyApplicationOut"];
                };
            };
        };
    };
    applications_api_set_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantOut"];
                };
            };
        };
    };
    applications_api_wage_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WageReportIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WageReportOut"];
                };
            };
        };
    };
    applications_api_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyApplicationOut"];
                };
            };
        };
    };
    applications_api_applicants: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description 只看对某条用工信息的申请（岗位页显示报名状态，issue #15） */
                post?: number | null;
                /** @description 按状态筛选：new / contacted / hired / declined / withdrawn */
                status?: string | null;
            };
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedApplicantOut"];
                };
            };
        };
    };
    applications_api_my_applications: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description 只看对某条用工信息的申请（岗位页显示报名状态，issue #15） */
                post?: number | null;
                /** @description 按状态筛选：new / contacted / hired / declined / withdrawn */
                status?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedMyApplicationOut"];
                };
            };
        };
    };
    accounts_api_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    accounts_api_request_sms_code: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsCodeIn"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsCodeOut"];
                };
            };
        };
    };
    accounts_api_sms_sign_in: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsSignInIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOut"];
                };
            };
        };
    };
    accounts_api_wechat_sign_in: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeChatSignInIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOut"];
                };
            };
        };
    };
    listings_api_boards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardOut"][];
                };
            };
            /** @description Not Modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    support_api_file_complaint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintOut"];
                };
            };
        };
    };
    support_api_complaint_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                complaint_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintOut"];
                };
            };
        };
    };
    support_api_my_complaints: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description 按状态筛选：submitted / processing / resolved / dismissed */
                status?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedComplaintOut"];
                };
            };
        };
    };
    discovery_api_board: {
        parameters: {
            query?: {
                /** @description 日产能下限 */
                capacity_min?: number | string | null;
                /** @description 二级品类 id */
                category?: number | null;
                /** @description 认证代码，如 CE、FDA */
                certification?: string | null;
                currency?: ("CNY" | "USD" | "EUR") | null;
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 交期不早于 */
                delivery_after?: string | null;
                /** @description 交期不晚于 */
                delivery_before?: string | null;
                /** @description 库存货品等级 */
                grade?: ("A" | "B" | "C") | null;
                /** @description 包住 */
                housing?: boolean | null;
                /** @description 用工：包含已招满的岗位 */
                include_full?: boolean;
                /** @description 一级行业 id */
                industry?: number | null;
                /** @description 工种 id，可多个 */
                job_type?: number[];
                /** @description 当前位置纬度（按距离排序时必填） */
                lat?: number | null;
                /** @description 当前位置经度 */
                lng?: number | null;
                /** @description 包吃 */
                meals?: boolean | null;
                /** @description 只看某位发布者的信息（用户 id） */
                owner?: number | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description 用工期与此区间有重叠：开始 */
                period_from?: string | null;
                /** @description 用工期与此区间有重叠：结束 */
                period_to?: string | null;
                /** @description 单价上限 */
                price_max?: number | string | null;
                /** @description 单价下限 */
                price_min?: number | string | null;
                /** @description 加工工艺 id，可多个（任一） */
                process_type?: number[];
                /** @description 关键词（在本板块内搜索） */
                q?: string | null;
                /** @description 数量上限 */
                quantity_max?: number | string | null;
                /** @description 数量下限 */
                quantity_min?: number | string | null;
                /** @description 省 / 市 / 区县行政区划代码，含下辖地区 */
                region?: string | null;
                sample_required?: boolean | null;
                /** @description 排序键：该板块在 GET /api/boards 中列出的 sorts（如 newest、nearest） */
                sort?: string;
                /** @description 折合日薪上限（元/天） */
                wage_max?: number | string | null;
                /** @description 折合日薪下限（元/天） */
                wage_min?: number | string | null;
                /** @description 工资单位：hour 时薪 / day 日薪 / piece 计件 / month 月薪 */
                wage_unit?: components["schemas"]["WageUnit"] | null;
                /** @description 只看该距离以内 */
                within_km?: number | null;
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedDiscoveryPostOut"];
                };
            };
        };
    };
    discovery_api_discovery_factories: {
        parameters: {
            query?: {
                /** @description 属性标签 id，须全部满足 */
                attributes?: number[];
                /** @description 二级品类 id */
                category?: number | null;
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 一级行业 id */
                industry?: number | null;
                /** @description 当前位置纬度（按距离排序时必填） */
                lat?: number | null;
                /** @description 当前位置经度 */
                lng?: number | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description 关键词（名称、主营产品、品类） */
                q?: string | null;
                /** @description 省 / 市 / 区县行政区划代码，含下辖地区 */
                region?: string | null;
                /** @description deals 接单量 / distance 距离 / newest 最新认证 */
                sort?: "deals" | "distance" | "newest";
                /** @description 只看该距离以内的工厂 */
                within_km?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedDiscoveryFactoryOut"];
                };
            };
        };
    };
    discovery_api_record_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TargetIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewRecordedOut"];
                };
            };
        };
    };
    factories_api_factory_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                factory_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactoryDetailOut"];
                };
            };
        };
    };
    factories_api_my_factory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactoryDetailOut"];
                };
            };
        };
    };
    factories_api_save_my_factory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FactoryIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FactoryDetailOut"];
                };
            };
        };
    };
    discovery_api_my_favourites: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description post 信息 / factory 工厂；不填为全部 */
                type?: ("post" | "factory") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedFavouriteOut"];
                };
            };
        };
    };
    discovery_api_add_favourite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TargetIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavouriteCreatedOut"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavouriteCreatedOut"];
                };
            };
        };
    };
    discovery_api_remove_favourite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                favourite_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    support_api_submit_feedback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackOut"];
                };
            };
        };
    };
    support_api_my_feedback: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedFeedbackOut"];
                };
            };
        };
    };
    uploads_api_read_file: {
        parameters: {
            query?: {
                sig?: string | null;
            };
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uploads_api_read_thumbnail: {
        parameters: {
            query?: {
                sig?: string | null;
            };
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    discovery_api_home: {
        parameters: {
            query?: {
                /** @description 当前位置纬度（可选，用于附近推荐） */
                lat?: number | null;
                lng?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HomeOut"];
                };
            };
        };
    };
    legal_api_my_consents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentStateOut"];
                };
            };
        };
    };
    legal_api_consent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentStateOut"];
                };
            };
        };
    };
    legal_api_list_documents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSummaryOut"][];
                };
            };
        };
    };
    legal_api_get_document: {
        parameters: {
            query?: {
                version?: string | null;
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentOut"];
                };
            };
        };
    };
    listings_api_form_schema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormSchemaOut"];
                };
            };
        };
    };
    listings_api_my_posts: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 信息类型（见 GET /api/boards） */
                kind?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                status?: components["schemas"]["PostStatus"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedMyPostOut"];
                };
            };
        };
    };
    listings_api_my_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_my_post_counts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: number;
                    };
                };
            };
        };
    };
    listings_api_create_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 按 kind 区分的表单字段（见 GET /api/listings/form-schema/{kind}）；草稿可缺项 */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                } & ({
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /**
                     * Certifications
                     * @default null
                     */
                    certifications?: ("CE" | "FDA" | "BSCI" | "ISO9001" | "ISO14001" | "RoHS" | "REACH" | "LFGB" | "CCC" | "UL" | "FCC" | "GOTS" | "OEKO-TEX" | "GRS" | "SEDEX")[] | null;
                    /** @default null */
                    currency?: ("CNY" | "USD" | "EUR") | null;
                    /**
                     * Delivery Date
                     * @default null
                     */
                    delivery_date?: string | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Destination Market
                     * @default null
                     */
                    destination_market?: ("domestic" | "north_america" | "europe" | "japan_korea" | "southeast_asia" | "middle_east" | "latin_america" | "africa" | "oceania" | "global") | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "procurement";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Product Name
                     * @default null
                     */
                    product_name?: string | null;
                    /**
                     * Quality Requirements
                     * @default null
                     */
                    quality_requirements?: string | null;
                    /**
                     * Quantity
                     * @default null
                     */
                    quantity?: number | string | null;
                    /** @default null */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Sample Required
                     * @default null
                     */
                    sample_required?: boolean | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Unit Price
                     * @description 目标单价（可选）
                     * @default null
                     */
                    unit_price?: number | string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /** @default null */
                    currency?: ("CNY" | "USD" | "EUR") | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /** @default null */
                    grade?: ("A" | "B" | "C") | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "stock";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Lot Condition
                     * @description 货品状况：来源、包装、是否可验货
                     * @default null
                     */
                    lot_condition?: string | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Min Order
                     * @default null
                     */
                    min_order?: number | string | null;
                    /**
                     * Product Name
                     * @default null
                     */
                    product_name?: string | null;
                    /**
                     * Quantity
                     * @default null
                     */
                    quantity?: number | string | null;
                    /** @default null */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Unit Price
                     * @default null
                     */
                    unit_price?: number | string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Age Max
                     * @default null
                     */
                    age_max?: number | null;
                    /**
                     * Age Min
                     * @default null
                     */
                    age_min?: number | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Employer Name
                     * @description 用人单位（全称）
                     * @default null
                     */
                    employer_name?: string | null;
                    /**
                     * Experience
                     * @default null
                     */
                    experience?: ("none" | "half_year" | "one_year" | "three_years") | null;
                    /**
                     * Headcount
                     * @default null
                     */
                    headcount?: number | null;
                    /**
                     * Housing Provided
                     * @default null
                     */
                    housing_provided?: boolean | null;
                    /**
                     * Job Type Id
                     * @default null
                     */
                    job_type_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "labour";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Meals Provided
                     * @default null
                     */
                    meals_provided?: boolean | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Period End
                     * @default null
                     */
                    period_end?: string | null;
                    /**
                     * Period Start
                     * @default null
                     */
                    period_start?: string | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Requirements
                     * @default null
                     */
                    requirements?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                    /**
                     * Wage Amount
                     * @default null
                     */
                    wage_amount?: number | string | null;
                    /** @default null */
                    wage_unit?: ("hour" | "day" | "piece" | "month") | null;
                    /**
                     * Work Content
                     * @description 工作内容
                     * @default null
                     */
                    work_content?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /**
                     * Delivery Date
                     * @default null
                     */
                    delivery_date?: string | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "processing_demand";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Material
                     * @default null
                     */
                    material?: string | null;
                    /**
                     * Material Supplied
                     * @description 是否来料加工（由我方提供材料）
                     * @default null
                     */
                    material_supplied?: boolean | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Process Type Ids
                     * @default null
                     */
                    process_type_ids?: number[] | null;
                    /**
                     * Product Name
                     * @default null
                     */
                    product_name?: string | null;
                    /**
                     * Quantity
                     * @default null
                     */
                    quantity?: number | string | null;
                    /** @default null */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Specification
                     * @description 规格：尺寸、公差、颜色、工艺要求
                     * @default null
                     */
                    specification?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Capacity Amount
                     * @default null
                     */
                    capacity_amount?: number | string | null;
                    /** @default null */
                    capacity_period?: ("day" | "month") | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Equipment
                     * @default null
                     */
                    equipment?: {
                        /**
                         * Count
                         * @default 1
                         */
                        count?: number;
                        /**
                         * Model
                         * @default
                         */
                        model?: string;
                        /** Name */
                        name: string;
                    }[] | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "processing_service";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Min Order
                     * @default null
                     */
                    min_order?: number | string | null;
                    /**
                     * Price Description
                     * @description 报价说明
                     * @default null
                     */
                    price_description?: string | null;
                    /**
                     * Process Type Ids
                     * @default null
                     */
                    process_type_ids?: number[] | null;
                    /**
                     * @description 产能与起订量的单位
                     * @default null
                     */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                });
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_post_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostDetailOut"];
                };
            };
        };
    };
    listings_api_update_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        /** @description 按 kind 区分的表单字段（见 GET /api/listings/form-schema/{kind}）；草稿可缺项 */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                } & ({
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /**
                     * Certifications
                     * @default null
                     */
                    certifications?: ("CE" | "FDA" | "BSCI" | "ISO9001" | "ISO14001" | "RoHS" | "REACH" | "LFGB" | "CCC" | "UL" | "FCC" | "GOTS" | "OEKO-TEX" | "GRS" | "SEDEX")[] | null;
                    /** @default null */
                    currency?: ("CNY" | "USD" | "EUR") | null;
                    /**
                     * Delivery Date
                     * @default null
                     */
                    delivery_date?: string | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Destination Market
                     * @default null
                     */
                    destination_market?: ("domestic" | "north_america" | "europe" | "japan_korea" | "southeast_asia" | "middle_east" | "latin_america" | "africa" | "oceania" | "global") | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "procurement";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Product Name
                     * @default null
                     */
                    product_name?: string | null;
                    /**
                     * Quality Requirements
                     * @default null
                     */
                    quality_requirements?: string | null;
                    /**
                     * Quantity
                     * @default null
                     */
                    quantity?: number | string | null;
                    /** @default null */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Sample Required
                     * @default null
                     */
                    sample_required?: boolean | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Unit Price
                     * @description 目标单价（可选）
                     * @default null
                     */
                    unit_price?: number | string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /** @default null */
                    currency?: ("CNY" | "USD" | "EUR") | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /** @default null */
                    grade?: ("A" | "B" | "C") | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "stock";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Lot Condition
                     * @description 货品状况：来源、包装、是否可验货
                     * @default null
                     */
                    lot_condition?: string | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Min Order
                     * @default null
                     */
                    min_order?: number | string | null;
                    /**
                     * Product Name
                     * @default null
                     */
                    product_name?: string | null;
                    /**
                     * Quantity
                     * @default null
                     */
                    quantity?: number | string | null;
                    /** @default null */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Unit Price
                     * @default null
                     */
                    unit_price?: number | string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Age Max
                     * @default null
                     */
                    age_max?: number | null;
                    /**
                     * Age Min
                     * @default null
                     */
                    age_min?: number | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Employer Name
                     * @description 用人单位（全称）
                     * @default null
                     */
                    employer_name?: string | null;
                    /**
                     * Experience
                     * @default null
                     */
                    experience?: ("none" | "half_year" | "one_year" | "three_years") | null;
                    /**
                     * Headcount
                     * @default null
                     */
                    headcount?: number | null;
                    /**
                     * Housing Provided
                     * @default null
                     */
                    housing_provided?: boolean | null;
                    /**
                     * Job Type Id
                     * @default null
                     */
                    job_type_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "labour";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Meals Provided
                     * @default null
                     */
                    meals_provided?: boolean | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Period End
                     * @default null
                     */
                    period_end?: string | null;
                    /**
                     * Period Start
                     * @default null
                     */
                    period_start?: string | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Requirements
                     * @default null
                     */
                    requirements?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                    /**
                     * Wage Amount
                     * @default null
                     */
                    wage_amount?: number | string | null;
                    /** @default null */
                    wage_unit?: ("hour" | "day" | "piece" | "month") | null;
                    /**
                     * Work Content
                     * @description 工作内容
                     * @default null
                     */
                    work_content?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /**
                     * Delivery Date
                     * @default null
                     */
                    delivery_date?: string | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "processing_demand";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Material
                     * @default null
                     */
                    material?: string | null;
                    /**
                     * Material Supplied
                     * @description 是否来料加工（由我方提供材料）
                     * @default null
                     */
                    material_supplied?: boolean | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Process Type Ids
                     * @default null
                     */
                    process_type_ids?: number[] | null;
                    /**
                     * Product Name
                     * @default null
                     */
                    product_name?: string | null;
                    /**
                     * Quantity
                     * @default null
                     */
                    quantity?: number | string | null;
                    /** @default null */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Specification
                     * @description 规格：尺寸、公差、颜色、工艺要求
                     * @default null
                     */
                    specification?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                } | {
                    /**
                     * Address
                     * @default null
                     */
                    address?: string | null;
                    /**
                     * Capacity Amount
                     * @default null
                     */
                    capacity_amount?: number | string | null;
                    /** @default null */
                    capacity_period?: ("day" | "month") | null;
                    /**
                     * Category Id
                     * @default null
                     */
                    category_id?: number | null;
                    /**
                     * Description
                     * @default null
                     */
                    description?: string | null;
                    /**
                     * Equipment
                     * @default null
                     */
                    equipment?: {
                        /**
                         * Count
                         * @default 1
                         */
                        count?: number;
                        /**
                         * Model
                         * @default
                         */
                        model?: string;
                        /** Name */
                        name: string;
                    }[] | null;
                    /**
                     * Industry Id
                     * @default null
                     */
                    industry_id?: number | null;
                    /**
                     * Kind
                     * @constant
                     */
                    kind: "processing_service";
                    /**
                     * Latitude
                     * @default null
                     */
                    latitude?: number | null;
                    /**
                     * Longitude
                     * @default null
                     */
                    longitude?: number | null;
                    /**
                     * Media Ids
                     * @description 上传服务返回的文件 id，按顺序
                     * @default null
                     */
                    media_ids?: string[] | null;
                    /**
                     * Min Order
                     * @default null
                     */
                    min_order?: number | string | null;
                    /**
                     * Price Description
                     * @description 报价说明
                     * @default null
                     */
                    price_description?: string | null;
                    /**
                     * Process Type Ids
                     * @default null
                     */
                    process_type_ids?: number[] | null;
                    /**
                     * @description 产能与起订量的单位
                     * @default null
                     */
                    quantity_unit?: ("个" | "件" | "套" | "箱" | "双" | "打" | "卷" | "张" | "包" | "吨" | "千克" | "米" | "平方米" | "台") | null;
                    /**
                     * Region Id
                     * @description 行政区划代码（区县级）
                     * @default null
                     */
                    region_id?: string | null;
                    /**
                     * Title
                     * @description 标题；留空时按内容自动生成
                     * @default null
                     */
                    title?: string | null;
                    /**
                     * Valid Until
                     * @description 有效期至；不填默认 30 天，最长 90 天
                     * @default null
                     */
                    valid_until?: string | null;
                });
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_delete_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listings_api_appeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppealIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_relist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_submit_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    listings_api_take_down: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPostOut"];
                };
            };
        };
    };
    matching_api_matches_for_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchOut"][];
                };
            };
        };
    };
    matching_api_matches_of_my_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                post_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MatchOut"][];
                };
            };
        };
    };
    accounts_api_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
        };
    };
    accounts_api_update_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
        };
    };
    accounts_api_choose_account_type: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountTypeIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
        };
    };
    accounts_api_cancel_account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelIn"];
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    accounts_api_request_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportOut"];
                };
            };
        };
    };
    accounts_api_export_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportOut"];
                };
            };
        };
    };
    accounts_api_export_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    discovery_api_my_history: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description post 信息 / factory 工厂；不填为全部 */
                type?: ("post" | "factory") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedHistoryOut"];
                };
            };
        };
    };
    discovery_api_clear_history: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    matching_api_my_job_preference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobPreferenceOut"];
                };
            };
        };
    };
    matching_api_save_job_preference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JobPreferenceIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobPreferenceOut"];
                };
            };
        };
    };
    accounts_api_bind_phone_sms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsPhoneIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
        };
    };
    accounts_api_bind_phone_wechat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeChatPhoneIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
        };
    };
    accounts_api_privacy_consent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
        };
    };
    verification_api_publish_permission: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishPermissionOut"];
                };
            };
        };
    };
    messaging_api_block: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockOut"];
                };
            };
        };
    };
    messaging_api_unblock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messaging_api_connections: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                /** @description initiated 我发起的 / received 我收到的 */
                role?: "initiated" | "received" | "all";
                status?: components["schemas"]["ConnectionStatus"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedConnectionOut"];
                };
            };
        };
    };
    messaging_api_connection_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectionStatusIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
        };
    };
    messaging_api_contact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactOut"];
                };
            };
        };
    };
    messaging_api_conversations: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedConversationOut"];
                };
            };
        };
    };
    messaging_api_conversation_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationDetailOut"];
                };
            };
        };
    };
    messaging_api_messages: {
        parameters: {
            query?: {
                /** @description 加载这条消息之前的更早消息 */
                before_id?: number | null;
                limit?: number;
            };
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePageOut"];
                };
            };
        };
    };
    messaging_api_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
        };
    };
    messaging_api_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadOut"];
                };
            };
        };
    };
    messaging_api_share_phone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
        };
    };
    messaging_api_unread_count: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountOut"];
                };
            };
        };
    };
    moderation_api_precheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrecheckIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrecheckOut"];
                };
            };
        };
    };
    notifications_api_list_notifications: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                kind?: components["schemas"]["NotificationKind"] | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                unread?: boolean | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedNotificationOut"];
                };
            };
        };
    };
    notifications_api_mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkReadOut"];
                };
            };
        };
    };
    notifications_api_subscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionStateOut"][];
                };
            };
        };
    };
    notifications_api_record_subscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionsIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionStateOut"][];
                };
            };
        };
    };
    notifications_api_unread_count: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationUnreadCountOut"];
                };
            };
        };
    };
    verification_api_appeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                qualification_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppealIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualificationOut"];
                };
            };
        };
    };
    verification_api_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                qualification_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualificationOut"];
                };
            };
        };
    };
    verification_api_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                qualification_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualificationOut"];
                };
            };
        };
    };
    verification_api_submit_licence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenceIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualificationOut"];
                };
            };
        };
    };
    verification_api_my_qualifications: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedQualificationOut"];
                };
            };
        };
    };
    verification_api_submit_personal_id: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonalIdIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualificationOut"];
                };
            };
        };
    };
    regions_api_list_regions: {
        parameters: {
            query?: {
                parent?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionOut"][];
                };
            };
        };
    };
    regions_api_region_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                adcode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDetailOut"];
                };
            };
        };
    };
    search_api_search: {
        parameters: {
            query: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 只看某个板块（GET /api/boards 的 kind，或 factory）；分面计数始终覆盖全部板块 */
                kind?: string | null;
                page?: number;
                page_size?: number;
                /** @description 关键词：产品、工种、工艺、工厂名 */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchOut"];
                };
            };
        };
    };
    taxonomy_api_get_taxonomy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxonomyOut"];
                };
            };
            /** @description Not Modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uploads_api_my_files: {
        parameters: {
            query?: {
                /** @description 上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移） */
                cursor?: string | null;
                /** @description 页码，从 1 开始 */
                page?: number;
                /** @description 每页条数，最多 100 */
                page_size?: number;
                purpose?: components["schemas"]["FilePurpose"] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagedStoredFileOut"];
                };
            };
        };
    };
    uploads_api_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * File
                     * Format: binary
                     */
                    file: string;
                    /**
                     * FilePurpose
                     * @description What a file is for decides who may read it.
                     * @enum {string}
                     */
                    purpose: "licence" | "id_document" | "certificate" | "post_media" | "factory_photo" | "chat_attachment" | "complaint_evidence" | "avatar";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFileOut"];
                };
            };
        };
    };
}
